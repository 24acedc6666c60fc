import { writeFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace dues:bookkeeping 2026-01-01 2026-12-31 bogfoering-2026.xlsx — the
 * dues in double entry for e-conomic's day book; .csv or .xlsx by the name.
 */
export default class DuesBookkeeping extends BaseCommand {
  static commandName = 'dues:bookkeeping'
  static description =
    'Write the dues of a date range as day-book lines (invoices, credit notes, reminder fees, payments) for the bookkeeper, as .csv or .xlsx'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The first day, e.g. 2026-01-01' })
  declare from: string

  @args.string({ description: 'The last day, e.g. 2026-12-31' })
  declare to: string

  @args.string({ description: 'The file to write: .csv or .xlsx' })
  declare file: string

  @flags.string({
    description: 'The first voucher number (Bilag), to continue the day book; 1 by default',
  })
  declare firstVoucher?: string

  async run() {
    const from = this.day(this.from, 'first')
    const to = this.day(this.to, 'last')
    if (!from || !to) return this.fail()
    if (to < from) {
      this.logger.error(`The last day ${this.to} comes before the first day ${this.from}`)
      return this.fail()
    }
    const { formatOfFile, writeBookkeepingFile } = await import('#dues/documents/bookkeeping_file')
    const format = formatOfFile(this.file)
    if (!format) {
      this.logger.error(`The file must end in .csv or .xlsx, not "${this.file}"`)
      return this.fail()
    }
    const firstVoucher = this.firstVoucher === undefined ? 1 : Number(this.firstVoucher)
    if (!/^\d{1,9}$/.test(this.firstVoucher ?? '1') || firstVoucher < 1) {
      this.logger.error(
        `The first voucher number must be a whole number from 1, not "${this.firstVoucher}"`
      )
      return this.fail()
    }
    const { getBookkeepingEntries } = await import('#dues/queries/bookkeeping_entries')
    const { getAssociationSettings } = await import('#association/queries/get_association_settings')
    const vouchers = await getBookkeepingEntries(
      from,
      to,
      await getAssociationSettings(),
      firstVoucher
    )
    try {
      await writeFile(this.file, await writeBookkeepingFile(vouchers, format))
    } catch {
      this.logger.error(`Cannot write the file ${this.file}`)
      return this.fail()
    }
    this.logger.success(`Wrote ${vouchers.length} vouchers to ${this.file}`)
  }

  private day(text: string, which: string) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? DateTime.fromISO(text, { zone: 'Europe/Copenhagen' })
      : null
    if (date?.isValid) return date
    this.logger.error(
      `The ${which} day must be a date as YYYY-MM-DD, e.g. 2026-01-31, not "${text}"`
    )
    return null
  }

  private fail() {
    this.exitCode = 1
  }
}
