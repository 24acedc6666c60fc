import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace dues:generate 2026 [--dry-run] [--without-reference]
 * One dues invoice per active member for the year; a second run issues none twice.
 *
 * Members with an EAN but no order or person reference are left out and named,
 * the others are invoiced: their e-invoice would be refused, and a numbered
 * invoice cannot be taken back, only credited. The run is often unattended, so
 * it neither stops everyone's invoices for one member nor issues a file that
 * will bounce; once the reference is set, running it again invoices them.
 * --without-reference invoices them anyway, for a buyer who takes the PDF.
 */
export default class DuesGenerate extends BaseCommand {
  static commandName = 'dues:generate'
  static description = "Issue the year's dues invoices to every active member that has none"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The year, e.g. 2026' })
  declare year: string

  @flags.boolean({ description: 'Say who would be invoiced, and for how much, without issuing' })
  declare dryRun: boolean

  @flags.boolean({
    description: 'Also invoice members with an EAN but no order or person reference',
  })
  declare withoutReference: boolean

  async run() {
    const year = Number(this.year)
    if (!/^\d{4}$/.test(this.year) || year < 2000 || year > 2100) {
      this.logger.error(`The year must be four digits, e.g. 2026, not "${this.year}"`)
      this.exitCode = 1
      return
    }
    // Console processes do not load job classes; the sync driver runs them right here.
    const queue = await this.app.container.make('queue.manager')
    await queue.loadJobs()
    const { IssueDuesInvoices } = await import('#dues/actions/issue_dues_invoices')
    const { Actors } = await import('#audit/actor')
    const { formatKroner } = await import('#shared/formatting')

    const summary = await new IssueDuesInvoices().handle(
      { year, dryRun: this.dryRun, withoutReference: this.withoutReference },
      Actors.system(`dues:generate ${year}`)
    )
    const reasons = {
      no_tier: 'has no tier',
      no_fee: `its tier has no fee for ${year}`,
      no_reference:
        'it has an EAN but no order or person reference; set it on the member and run again, or pass --without-reference',
    }
    for (const skip of summary.skipped) {
      this.logger.warning(`${skip.organisation}: not invoiced, ${reasons[skip.reason]}`)
    }
    if (this.dryRun) {
      for (const row of summary.wouldIssue) {
        this.logger.log(`${row.organisation}: ${formatKroner(row.amountOre)}`)
      }
      this.logger.info(
        `Would issue ${summary.wouldIssue.length} invoices; ${summary.alreadyInvoiced} already invoiced (--dry-run)`
      )
      return
    }
    for (const invoice of summary.issued) {
      this.logger.log(
        `${invoice.number}  ${invoice.document.buyer.name}  ${formatKroner(invoice.totalOre)}`
      )
    }
    this.logger.success(
      `Issued ${summary.issued.length} invoices; ${summary.alreadyInvoiced} already invoiced`
    )
  }
}
