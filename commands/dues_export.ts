import { writeFile } from 'node:fs/promises'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** node ace dues:export 2026 kontingent-2026.csv — the bookkeeper's file, as Danish Excel reads it. */
export default class DuesExport extends BaseCommand {
  static commandName = 'dues:export'
  static description = "Write the year's invoices and credit notes as CSV for the bookkeeper"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The year, e.g. 2026' })
  declare year: string

  @args.string({ description: 'The CSV file to write' })
  declare file: string

  async run() {
    if (!/^\d{4}$/.test(this.year)) {
      this.logger.error(`The year must be four digits, e.g. 2026, not "${this.year}"`)
      this.exitCode = 1
      return
    }
    const { bookkeepingCsv } = await import('#dues/queries/bookkeeping_rows')
    const csv = await bookkeepingCsv(Number(this.year))
    try {
      await writeFile(this.file, csv)
    } catch {
      this.logger.error(`Cannot write the file ${this.file}`)
      this.exitCode = 1
      return
    }
    this.logger.success(`Wrote ${this.file}`)
  }
}
