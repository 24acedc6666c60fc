import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import Invoice from '#dues/models/invoice'
import { getMemberAccount } from '#dues/queries/member_account'
import { sendPdf } from '#dues/controllers/invoices_controller'

/** A member's own invoices in the portal; another organisation's are not found. */
export default class PortalInvoicesController {
  async index({ view, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const account = await getMemberAccount(me.organisationId)
    return view.render('portal/invoices', {
      me,
      organisation: me.organisation,
      rows: account.rows,
      account,
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
