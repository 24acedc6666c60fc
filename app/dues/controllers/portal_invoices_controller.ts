import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { sendPdf } from '#dues/controllers/invoices_controller'

/** A member's own invoices in the portal; another organisation's are not found. */
export default class PortalInvoicesController {
  async index({ view, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const invoices = await Invoice.query()
      .where('organisation_id', me.organisationId)
      .orderBy('issue_date', 'desc')
      .orderBy('id', 'desc')
    const balances = await getBalances(
      invoices.filter((invoice) => invoice.kind === 'invoice'),
      danishToday()
    )
    return view.render('portal/invoices', {
      me,
      organisation: me.organisation,
      rows: invoices.map((invoice) => ({ invoice, balance: balances.get(invoice.id) ?? null })),
    })
  }

  async pdf({ params, response, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const invoice = await Invoice.query()
      .where('id', params.invoiceId)
      .where('organisation_id', me.organisationId)
      .firstOrFail()
    return sendPdf(response, invoice)
  }
}
