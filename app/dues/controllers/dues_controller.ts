import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import { yearValidator, issueForYearValidator, issueValidator } from '#dues/validators/dues'
import { getDuesOverview } from '#dues/queries/dues_overview'
import { getCandidatesLackingReference } from '#dues/queries/dues_candidates'
import { bookkeepingCsv } from '#dues/queries/bookkeeping_rows'
import { tierChart } from '#dues/queries/tier_chart'
import { IssueDuesInvoices } from '#dues/actions/issue_dues_invoices'
import { SendReminders } from '#dues/actions/send_reminders'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'

/** The treasurer's year: figures, the dues run, reminders, the bookkeeper's file. */
export default class DuesController {
  async overview({ request, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const [, filters] = await yearValidator.tryValidate(request.qs())
    const today = danishToday()
    const year = filters?.year ?? today.year
    const overview = await getDuesOverview(year, today)
    return view.render('dues/overview', {
      overview,
      lackingReference: await getCandidatesLackingReference(year),
      chart: tierChart(overview.byTier),
      years: Array.from({ length: today.year - 2021 + 2 }, (_, index) => 2021 + index).reverse(),
    })
  }

  async generate({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(issueValidator)
    const year = input.year
    const summary = await new IssueDuesInvoices().handle(
      { year, withoutReference: input.without_reference ?? false },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash(
      'success',
      i18n.t('dues.generate.done', {
        issued: summary.issued.length,
        already: summary.alreadyInvoiced,
      })
    )
    if (summary.skipped.length) {
      session.flash(
        'error',
        i18n.t('dues.generate.skipped', {
          names: summary.skipped
            .map((skip) => `${skip.organisation} (${i18n.t(`dues.generate.${skip.reason}`)})`)
            .join(', '),
        })
      )
    }
    return response.redirect().toRoute('dues.overview', {}, { qs: { year } })
  }

  async remind({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const summary = await new SendReminders().handle(
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash('success', i18n.t('dues.reminders.done', { count: summary.sent.length }))
    return response.redirect().back()
  }

  async export({ request, response, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const { year } = await request.validateUsing(issueForYearValidator, {
      data: request.qs(),
    })
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="kontingent-${year}.csv"`)
    return response.send(await bookkeepingCsv(year))
  }
}
