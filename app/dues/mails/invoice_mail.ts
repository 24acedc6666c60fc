import { DateTime } from 'luxon'
import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type Invoice from '#dues/models/invoice'
import type Reminder from '#dues/models/reminder'
import type { InvoiceBalance } from '#dues/queries/invoice_balances'
import { formatDate, formatKroner } from '#shared/formatting'
import { fikCodeLine } from '#dues/rules/fik_payment_id'
import { DANISH_ZONE } from '#shared/danish_time'

export type InvoiceMailPurpose = 'invoice' | 'credit_note' | 'reminder'

/** An invoice, credit note or reminder to the billing contact, with the PDF attached. Danish. */
export default class InvoiceMail extends BaseMail {
  constructor(
    private invoice: Invoice,
    private recipients: { email: string; name: string }[],
    private pdf: Buffer,
    private purpose: InvoiceMailPurpose,
    private balance: InvoiceBalance,
    private reminder: Reminder | null
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale('da')
    const { document } = this.invoice
    const data = {
      i18n,
      purpose: this.purpose,
      names: this.recipients.map((recipient) => recipient.name).join(' og '),
      association: document.seller.name,
      number: document.number,
      total: formatKroner(this.invoice.signedTotalOre),
      // The date as issued, a Danish calendar day whatever the server's zone.
      dueDate: document.dueDate
        ? formatDate(DateTime.fromISO(document.dueDate, { zone: DANISH_ZONE }))
        : '',
      balance: formatKroner(this.balance.balanceOre),
      fee: this.reminder?.feeOre ? formatKroner(this.reminder.feeOre) : null,
      level: this.reminder?.level ?? null,
      account:
        document.seller.bankRegNo && document.seller.bankAccountNo
          ? `${document.seller.bankRegNo} ${document.seller.bankAccountNo}`
          : null,
      paymentReference: document.seller.paymentReference,
      // A reminder repeats the invoice's FI line: the payment ID still finds the invoice.
      fikLine: document.fik ? fikCodeLine(document.fik.paymentId, document.fik.creditorNo) : null,
      credited: document.creditedInvoice?.number ?? null,
      ean: document.buyer.ean,
    }
    for (const recipient of this.recipients) this.message.to(recipient.email, recipient.name)
    if (document.seller.email) this.message.replyTo(document.seller.email, document.seller.name)
    this.message
      .subject(
        i18n.t(`dues.mail.${this.purpose}.subject`, {
          number: document.number,
          association: document.seller.name,
          level: data.level ?? 0,
        })
      )
      .htmlView('emails/invoice_html', data)
      .textView('emails/invoice_text', data)
      .attachData(this.pdf, {
        filename: `${document.kind === 'invoice' ? 'faktura' : 'kreditnota'}-${document.number}.pdf`,
        contentType: 'application/pdf',
      })
  }
}
