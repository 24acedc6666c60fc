import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import DuesPolicy from '#dues/policies/dues_policy'
import { confirmCreditValidator } from '#dues/validators/dues_runs'
import { invoiceFiltersValidator, issueValidator, paymentValidator } from '#dues/validators/dues'
import { RecordPayment } from '#dues/actions/record_payment'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import SendInvoiceMailJob from '#dues/jobs/send_invoice_mail_job'
import { listInvoices } from '#dues/queries/list_invoices'
import { balanceOf } from '#dues/queries/invoice_balances'
import { renderInvoicePdf } from '#dues/documents/invoice_pdf'
import { OioublError, renderOioubl } from '#dues/documents/oioubl'
import { PAYMENT_METHODS } from '#dues/models/payment'
import { fikCodeLine } from '#dues/rules/fik_payment_id'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'
import { displayLocale, formatDate, formatKroner } from '#shared/formatting'
import { staffActor } from '#audit/request_actor'

/** Invoices and credit notes: the list, one invoice, its documents, payments and credit. */
export default class InvoicesController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const [, filters] = await invoiceFiltersValidator.tryValidate(request.qs())
    const today = danishToday()
    const shown = {
      year: filters?.year ?? today.year,
      status: filters?.status,
      ean: filters?.ean,
      q: filters?.q,
    }
    const rows = await listInvoices(shown, today)
    return view.render('dues/invoices', { rows, filters: shown })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .preload('organisation')
      .preload('payments', (payments) => payments.orderBy('paid_on'))
      .preload('reminders', (reminders) => reminders.orderBy('level'))
      .preload('creditNotes')
      .preload('creditedInvoice')
      .firstOrFail()
    const balance = invoice.kind === 'invoice' ? await balanceOf(invoice, danishToday()) : null
    const fik = invoice.document.fik
    return view.render('dues/invoice', {
      invoice,
      balance,
      fikLine: fik ? fikCodeLine(fik.paymentId, fik.creditorNo) : null,
      lacksReference: lacksBuyerReference(invoice.organisation),
      methods: PAYMENT_METHODS,
      today: danishToday().toISODate(),
    })
  }

  async pdf({ params, response, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const invoice = await Invoice.findOrFail(params.id)
    return sendPdf(response, invoice)
  }

  async oioubl({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const invoice = await Invoice.findOrFail(params.id)
    if (!invoice.document.buyer.ean) return response.notFound()
    let xml: string
    try {
      xml = renderOioubl(invoice.document)
    } catch (error) {
      if (!(error instanceof OioublError)) throw error
      // A file NemHandel would reject is not handed out; the treasurer is told what to fix.
      session.flash('error', i18n.t(`dues.oioubl.${error.reason}`))
      return response.redirect().toRoute('invoices.show', { id: invoice.id })
    }
    response.header('content-type', 'application/xml; charset=utf-8')
    response.header('content-disposition', `attachment; filename="oioubl-${invoice.number}.xml"`)
    return response.send(xml)
  }

  async recordPayment({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(paymentValidator)
    const paidOn = DateTime.fromJSDate(input.paid_on)
    if (paidOn > danishToday().endOf('day')) {
      session.flash('inputErrorsBag', { paid_on: [i18n.t('dues.payments.in_future')] })
      session.flashAll()
      return response.redirect().toRoute('invoices.show', { id: params.id })
    }
    const result = await new RecordPayment().handle(
      {
        invoiceId: Number(params.id),
        amountOre: input.amount,
        paidOn,
        method: input.method,
        note: input.note ?? null,
      },
      staffActor({ auth, request })
    )
    if (result.status === 'overpayment') {
      session.flash('inputErrorsBag', {
        amount: [
          i18n.t('dues.payments.overpayment', {
            balance: formatKroner(result.balanceOre, displayLocale(i18n)),
          }),
        ],
      })
      session.flashAll()
    } else if (result.status === 'not_payable') {
      session.flash('error', i18n.t('dues.payments.not_payable'))
    } else if (result.status === 'period_closed') {
      session.flash('inputErrorsBag', {
        paid_on: [
          i18n.t('dues.closed_books.payment_refused', {
            date: formatDate(result.closedThrough, displayLocale(i18n)),
          }),
        ],
      })
      session.flashAll()
    } else if (result.status === 'recorded') {
      session.flash(
        'success',
        i18n.t('dues.payments.recorded', {
          balance: formatKroner(result.balanceOre, displayLocale(i18n)),
        })
      )
    }
    return response.redirect().toRoute('invoices.show', { id: params.id })
  }

  /** The credit note's confirmation: what it cancels, for how much, and that it is final. */
  async confirmCredit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .preload('organisation')
      .firstOrFail()
    const balance = invoice.kind === 'invoice' ? await balanceOf(invoice, danishToday()) : null
    const refusal = !balance
      ? 'not_an_invoice'
      : balance.credited
        ? 'already_credited'
        : balance.paidOre > 0
          ? 'has_payments'
          : null
    return view.render('dues/confirm_credit', { invoice, refusal })
  }

  async credit({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(confirmCreditValidator)
    const invoice = await Invoice.findOrFail(params.id)
    if (input.confirm_number !== invoice.number) {
      session.flash('inputErrorsBag', {
        confirm_number: [i18n.t('confirmations.credit.wrong_number', { number: invoice.number })],
      })
      session.flashAll()
      return response.redirect().toRoute('invoices.confirm_credit', { id: invoice.id })
    }
    const result = await new CreditInvoice().handle(
      { invoiceId: invoice.id, reason: input.reason ?? null },
      staffActor({ auth, request })
    )
    if (result.status !== 'credited') {
      session.flash('error', i18n.t(`dues.credit.${result.status}`))
      return response.redirect().toRoute('invoices.show', { id: params.id })
    }
    await SendInvoiceMailJob.dispatch({ invoiceId: result.creditNote.id, purpose: 'credit_note' })
    session.flash('success', i18n.t('dues.credit.done', { number: result.creditNote.number }))
    return response.redirect().toRoute('invoices.show', { id: result.creditNote.id })
  }

  async resend({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const invoice = await Invoice.findOrFail(params.id)
    await SendInvoiceMailJob.dispatch({ invoiceId: invoice.id, purpose: invoice.kind })
    session.flash('success', i18n.t('dues.invoice.resent'))
    return response.redirect().toRoute('invoices.show', { id: invoice.id })
  }

  /** A new invoice for a year whose invoice was credited, or for a member who joined late. */
  async issueForOrganisation({
    params,
    request,
    response,
    session,
    auth,
    bouncer,
    i18n,
  }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(issueValidator)
    const result = await new IssueDuesInvoice().handle(
      {
        organisationId: Number(params.id),
        year: input.year,
        withoutReference: input.without_reference ?? false,
      },
      staffActor({ auth, request })
    )
    if (result.status !== 'issued') {
      session.flash('error', i18n.t(`dues.issue.${result.status}`))
      return response.redirect().back()
    }
    await SendInvoiceMailJob.dispatch({ invoiceId: result.invoice.id, purpose: 'invoice' })
    session.flash('success', i18n.t('dues.issue.issued', { number: result.invoice.number }))
    return response.redirect().toRoute('invoices.show', { id: result.invoice.id })
  }
}

/** The PDF is made from the document as issued, every time it is asked for. */
export async function sendPdf(response: HttpContext['response'], invoice: Invoice) {
  const pdf = await renderInvoicePdf(invoice.document)
  const name = `${invoice.kind === 'invoice' ? 'faktura' : 'kreditnota'}-${invoice.number}.pdf`
  response.header('content-type', 'application/pdf')
  response.header('content-disposition', `inline; filename="${name}"`)
  return response.send(pdf)
}
