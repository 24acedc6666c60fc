import { writeFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace members:export medlemmer.xlsx [--status active]
 * The register as a file: an Excel workbook when the name ends in .xlsx,
 * else CSV as Danish Excel reads it. It imports back unchanged.
 */
export default class MembersExport extends BaseCommand {
  static commandName = 'members:export'
  static description = 'Export the member register to .xlsx or CSV (by the file name)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The file to write (.xlsx, or .csv)' })
  declare file: string

  @flags.string({
    description: 'Only this status: applicant, active, resigned, expelled, rejected',
  })
  declare status?: string

  async run() {
    const { exportMembers, registerFileFormat } =
      await import('#members/register_file/export_members')
    const { MEMBERSHIP_STATUSES } = await import('#members/membership')
    const status = MEMBERSHIP_STATUSES.find((candidate) => candidate === this.status)
    if (this.status && !status) {
      this.logger.error(
        `Unknown status "${this.status}". Use one of: ${MEMBERSHIP_STATUSES.join(', ')}`
      )
      this.exitCode = 1
      return
    }
    const { file, count, rows } = await exportMembers({ status }, registerFileFormat(this.file))
    await writeFile(this.file, file)
    this.logger.success(`Exported ${count} organisations (${rows} rows) to ${this.file}`)
  }
}
