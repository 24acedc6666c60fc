import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import { confirmedValidator, entryMatchValidator } from '#dues/validators/bank'
import { MatchBankEntry } from '#dues/actions/match_bank_entry'
import { MarkBankEntry } from '#dues/actions/mark_bank_entry'
import { UndoBankMatch } from '#dues/actions/undo_bank_match'
import { getEntryDecision } from '#dues/queries/entry_decision'
import { statementListsEntry } from '#dues/queries/statement_entries'
import { displayLocale, formatDate, formatKroner } from '#shared/formatting'
import { staffActor } from '#audit/request_actor'

/**
 * One entry of a statement: the evidence, and the treasurer's decision —
 * the invoices it pays (split over several if need be), no dues at all, or
 * taking back a match while its period is open.
 */
export default class BankEntriesController {
  async show({ params, view, bouncer, response }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const decision = await getEntryDecision(Number(params.id), Number(params.entryId))
    if (!decision) return response.notFound()
    return view.render('dues/bank/entry', decision)
  }

  async match({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const ids = await this.entryOf(params)
    if (!ids) return response.notFound()
    const input = await request.validateUsing(entryMatchValidator)
    const incomplete = input.allocations.findIndex(
      (row) =>
        (row.invoice_id !== undefined || row.amount !== undefined) &&
        (row.invoice_id === undefined || row.amount === undefined || row.amount <= 0)
    )
    // A refused decision shows the rows as typed, the half-filled one marked: nothing is typed twice.
    if (incomplete >= 0) {
      session.flashAll()
      const field = input.allocations[incomplete].invoice_id === undefined ? 'invoice_id' : 'amount'
      session.flash('inputErrorsBag', {
        [`allocations.${incomplete}.${field}`]: [i18n.t('dues.bank.decision.incomplete_row')],
      })
      return response.redirect().toRoute('bank_entries.show', ids)
    }
    const allocations = input.allocations
      .filter((row) => row.invoice_id !== undefined || row.amount !== undefined)
      .map((row) => ({ invoiceId: row.invoice_id!, amountOre: row.amount! }))
    const result = await new MatchBankEntry().handle(
      { entryId: ids.entryId, allocations },
      staffActor({ auth, request })
    )
    switch (result.status) {
      case 'matched':
        session.flash('success', i18n.t('dues.bank.decision.matched'))
        return response.redirect().toRoute('bank_statements.show', { id: ids.id })
      case 'amounts_differ':
        session.flash(
          'error',
          i18n.t('dues.bank.decision.amounts_differ', {
            entry: formatKroner(result.entryOre, displayLocale(i18n)),
            allocated: formatKroner(result.allocatedOre, displayLocale(i18n)),
          })
        )
        break
      case 'period_closed':
        session.flash(
          'error',
          i18n.t('dues.closed_books.entry_refused', {
            date: formatDate(result.closedThrough, displayLocale(i18n)),
          })
        )
        break
      default:
        session.flash('error', i18n.t(`dues.bank.decision.${result.status}`))
    }
    session.flashAll()
    return response.redirect().toRoute('bank_entries.show', ids)
  }

  async markNotDues(ctx: HttpContext) {
    return this.mark(ctx, 'not_dues')
  }

  async reopen(ctx: HttpContext) {
    return this.mark(ctx, 'open')
  }

  async undo({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const ids = await this.entryOf(params)
    if (!ids) return response.notFound()
    await request.validateUsing(confirmedValidator)
    const result = await new UndoBankMatch().handle(
      { entryId: ids.entryId },
      staffActor({ auth, request })
    )
    if (result.status === 'undone') session.flash('success', i18n.t('dues.bank.decision.undone'))
    else if (result.status === 'period_closed') {
      session.flash(
        'error',
        i18n.t('dues.closed_books.undo_refused', {
          date: formatDate(result.closedThrough, displayLocale(i18n)),
        })
      )
    } else session.flash('error', i18n.t('dues.bank.decision.not_matched'))
    return response.redirect().toRoute('bank_entries.show', ids)
  }

  private async mark(
    { params, request, response, session, auth, bouncer, i18n }: HttpContext,
    as: 'not_dues' | 'open'
  ) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const ids = await this.entryOf(params)
    if (!ids) return response.notFound()
    const result = await new MarkBankEntry().handle(
      { entryId: ids.entryId, as },
      staffActor({ auth, request })
    )
    session.flash(
      result.status === 'marked' ? 'success' : 'error',
      i18n.t(
        `dues.bank.decision.${as === 'open' ? 'reopened' : 'marked_not_dues'}_${result.status}`
      )
    )
    return response
      .redirect()
      .toRoute(
        as === 'open' ? 'bank_entries.show' : 'bank_statements.show',
        as === 'open' ? ids : { id: ids.id }
      )
  }

  /** The entry, when the statement in the path lists it. */
  private async entryOf(params: Record<string, string>) {
    const ids = { id: Number(params.id), entryId: Number(params.entryId) }
    return (await statementListsEntry(ids.id, ids.entryId)) ? ids : null
  }
}
