import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import { closeBooksValidator } from '#dues/validators/bank'
import { CloseBooks } from '#dues/actions/close_books'
import { displayLocale, formatDate } from '#shared/formatting'
import { staffActor } from '#audit/request_actor'

/** Closing the books through a day, once the period is reconciled and reported. */
export default class BooksController {
  async close({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(closeBooksValidator)
    const through = input.through.toISOString().slice(0, 10)
    const result = await new CloseBooks().handle({ through }, staffActor({ auth, request }))
    if (result.status === 'closed') {
      session.flash(
        'success',
        i18n.t('dues.closed_books.closed', {
          date: formatDate(through, displayLocale(i18n)),
        })
      )
    } else if (result.status === 'already_closed') {
      session.flash(
        'error',
        i18n.t('dues.closed_books.already_closed', {
          date: formatDate(result.closedThrough, displayLocale(i18n)),
        })
      )
    } else {
      session.flash('error', i18n.t('dues.closed_books.not_past'))
    }
    return response.redirect().toRoute('bank_statements.index')
  }
}
