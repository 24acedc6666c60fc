import { writeFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** node ace members:export members.csv [--status active] — as Danish Excel reads it. */
export default class MembersExport extends BaseCommand {
  static commandName = 'members:export'
  static description = 'Export member organisations to a CSV file as Danish Excel reads it'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The CSV file to write' })
  declare file: string

  @flags.string({
    description: 'Only this status: applicant, active, resigned, expelled, rejected',
  })
  declare status?: string

  async run() {
    const { exportMembers } = await import('#members/export/export_members')
    const { MEMBERSHIP_STATUSES } = await import('#members/membership')
    const status = MEMBERSHIP_STATUSES.find((candidate) => candidate === this.status)
    if (this.status && !status) {
      this.logger.error(
        `Unknown status "${this.status}". Use one of: ${MEMBERSHIP_STATUSES.join(', ')}`
      )
      this.exitCode = 1
      return
    }
    const { file, count } = await exportMembers({ status })
    await writeFile(this.file, file)
    this.logger.success(`Exported ${count} organisations to ${this.file}`)
  }
}
