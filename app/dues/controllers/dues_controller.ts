import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import { yearValidator, issueForYearValidator } from '#dues/validators/dues'
import { getDuesOverview } from '#dues/queries/dues_overview'
import { getCandidatesLackingReference } from '#dues/queries/dues_candidates'
import { bookkeepingCsv } from '#dues/queries/bookkeeping_rows'
import { tierChart } from '#dues/queries/tier_chart'
import DuesRun from '#dues/models/dues_run'
import { danishToday } from '#dues/actions/issue_dues_invoice'

/** The treasurer's year: figures and the bookkeeper's file (the runs: dues_runs_controller). */
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
      // A run still going is shown, so the treasurer who left its page finds it again.
      runningRun: await DuesRun.query()
        .whereIn('state', ['queued', 'running', 'failed'])
        .orderBy('id', 'desc')
        .first(),
      chart: tierChart(overview.byTier),
      years: Array.from({ length: today.year - 2021 + 2 }, (_, index) => 2021 + index).reverse(),
    })
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
