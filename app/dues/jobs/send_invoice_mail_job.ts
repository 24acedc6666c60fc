import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import Invoice from '#dues/models/invoice'
import Reminder from '#dues/models/reminder'
import InvoiceMail, { type InvoiceMailPurpose } from '#dues/mails/invoice_mail'
import { renderInvoicePdf } from '#dues/documents/invoice_pdf'
import { balanceOf } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { billingRecipients } from '#members/contact_roles'

/** Renders the PDF here, in the worker, from the document as issued. */
export default class SendInvoiceMailJob extends Job<{
  invoiceId: number
  purpose: InvoiceMailPurpose
  reminderId?: number
}> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const invoice = await Invoice.query()
      .where('id', this.payload.invoiceId)
      .preload('organisation', (organisation) => organisation.preload('contacts'))
      .firstOrFail()
    const recipients = billingRecipients(invoice.organisation.contacts)
      .filter((contact) => contact.email)
      .map((contact) => ({ email: contact.email!, name: contact.name }))
    if (recipients.length === 0) return
    const reminder = this.payload.reminderId ? await Reminder.find(this.payload.reminderId) : null
    const balance = await balanceOf(invoice, danishToday())
    const pdf = await renderInvoicePdf(invoice.document)
    await mail.send(
      new InvoiceMail(invoice, recipients, pdf, this.payload.purpose, balance, reminder)
    )
  }
}
