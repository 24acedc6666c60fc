import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace members:import members.csv [--dry-run]
 * Reads a file as Danish Excel writes it. Any bad row: every problem is
 * listed as `row N: field: message`, nothing is imported, exit code 1.
 */
export default class MembersImport extends BaseCommand {
  static commandName = 'members:import'
  static description = 'Import member organisations from a CSV file as Danish Excel writes it'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The CSV file' })
  declare file: string

  @flags.boolean({ description: 'Check the file and report what would happen, without importing' })
  declare dryRun: boolean

  async run() {
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const { ImportMembers } = await import('#members/actions/import_members')
    const { describeProblem } = await import('#shared/csv/describe_problem')
    const { Actors } = await import('#audit/actor')
    const english = i18nManager.locale('en')

    let content: Buffer
    try {
      content = await readFile(this.file)
    } catch {
      this.logger.error(`Cannot read the file ${this.file}`)
      this.exitCode = 1
      return
    }

    const result = await new ImportMembers().handle(
      { file: content, fileName: basename(this.file), dryRun: this.dryRun },
      Actors.system(`members:import ${basename(this.file)}`)
    )
    const unknownColumns =
      result.status === 'invalid' ? result.unknownColumns : result.summary.unknownColumns
    if (unknownColumns.length) {
      this.logger.warning(
        english.t('members.import.unknown_columns', { columns: unknownColumns.join(', ') })
      )
    }
    if (result.status === 'invalid') {
      for (const problem of result.problems) this.logger.log(describeProblem(problem, english))
      this.logger.error(english.t('members.import.nothing_imported'))
      this.exitCode = 1
      return
    }

    const { summary } = result
    for (const type of summary.unrecognisedTypes) {
      this.logger.warning(english.t('members.import.unrecognised_type', type))
    }
    const counts = `${summary.created.length} new, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged`
    if (result.status === 'checked') {
      this.logger.info(
        `Checked ${summary.created.length + summary.updated.length + summary.unchanged.length} rows (${counts}); nothing imported (--dry-run)`
      )
      return
    }
    this.logger.success(`Imported ${summary.created.length + summary.updated.length} organisations`)
    this.logger.info(`${counts} (${summary.encoding}, "${summary.delimiter}")`)
  }
}
