import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace members:import medlemmer.xlsx [--dry-run] [--sheet Ark1] [--resign-missing 2026-12-31]
 * Reads the register from .xlsx or CSV and prints what changes, row by row.
 * Any refused row: every problem as `row N: column: message`, nothing is
 * imported, exit code 1.
 */
export default class MembersImport extends BaseCommand {
  static commandName = 'members:import'
  static description = 'Import the member register from .xlsx or CSV, showing every change'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The file (.xlsx, .csv or .txt)' })
  declare file: string

  @flags.boolean({ description: 'Show what would change, and write nothing' })
  declare dryRun: boolean

  @flags.string({ description: "A workbook's sheet by name (the first by default)" })
  declare sheet?: string

  @flags.string({
    description: 'Mark active members missing from the file resigned as of this date (YYYY-MM-DD)',
  })
  declare resignMissing?: string

  async run() {
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const { ImportMembers } = await import('#members/actions/import_members')
    const { describeImport } = await import('#members/register_file/describe_import')
    const { savedColumnMapping } = await import('#members/register_file/column_mappings')
    const { describeProblem } = await import('#shared/csv/describe_problem')
    const { Actors } = await import('#audit/actor')
    const english = i18nManager.locale('en')

    if (this.resignMissing && !/^\d{4}-\d{2}-\d{2}$/.test(this.resignMissing)) {
      this.logger.error(`--resign-missing needs a date as YYYY-MM-DD, not ${this.resignMissing}`)
      this.exitCode = 1
      return
    }
    let content: Buffer
    try {
      content = await readFile(this.file)
    } catch {
      this.logger.error(`Cannot read the file ${this.file}`)
      this.exitCode = 1
      return
    }

    const result = await new ImportMembers().handle(
      {
        file: content,
        fileName: basename(this.file),
        sheet: this.sheet ?? null,
        dryRun: this.dryRun,
        missing: this.resignMissing
          ? { action: 'resign', on: this.resignMissing }
          : { action: 'leave' },
        savedMapping: await savedColumnMapping(),
      },
      Actors.system(`members:import ${basename(this.file)}`)
    )
    const plan = result.plan
    if (plan?.unknownColumns.length) {
      this.logger.warning(
        english.t('members.import.unknown_columns', { columns: plan.unknownColumns.join(', ') })
      )
    }
    for (const type of plan?.unrecognisedTypes ?? []) {
      this.logger.warning(english.t('members.import.unrecognised_type', type))
    }
    if (plan) {
      const preview = describeImport(plan, english)
      for (const entry of preview.organisations) {
        if (entry.kind === 'unchanged') continue
        this.logger.log(`row ${entry.rows}: ${entry.kind}: ${entry.name}`)
        for (const change of entry.changes) {
          this.logger.log(`  ${change.column}: ${change.from} -> ${change.to}`)
        }
        for (const contact of entry.contacts) {
          this.logger.log(`  contact ${contact.kind}: ${contact.label}`)
          for (const change of contact.changes) {
            this.logger.log(`    ${change.column}: ${change.from} -> ${change.to}`)
          }
        }
      }
      const { counts } = preview
      const summary = `${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${preview.missing.length} not in the file`
      if (result.status === 'checked') {
        this.logger.info(`${summary}; nothing imported (--dry-run)`)
      } else if (result.status === 'imported') {
        const resigned = result.resigned.length ? `, ${result.resigned.length} resigned` : ''
        this.logger.success(`Imported: ${summary}${resigned}`)
      }
    }
    if (result.status === 'invalid') {
      for (const problem of result.problems) this.logger.log(describeProblem(problem, english))
      this.logger.error(english.t('members.import.nothing_imported'))
      this.exitCode = 1
    }
  }
}
