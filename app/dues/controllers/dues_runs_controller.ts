import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import DuesRun from '#dues/models/dues_run'
import {
  planGenerateValidator,
  runGenerateValidator,
  runRemindValidator,
} from '#dues/validators/dues_runs'
import { planInvoiceRun } from '#dues/queries/plan_invoice_run'
import { planReminders } from '#dues/queries/plan_reminders'
import { StartDuesRun, type StartDuesRunResult } from '#dues/actions/start_dues_run'
import { generateToken } from '#shared/tokens'
import { staffActor } from '#audit/request_actor'

/** Seconds between the progress page's reloads while a run is going. */
const REFRESH_SECONDS = 2

/**
 * The dues run and the reminders as a confirmation page (what will happen,
 * computed without writing) and a confirmed run with its progress and result.
 */
export default class DuesRunsController {
  async confirmGenerate({ request, response, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const [error, input] = await planGenerateValidator.tryValidate(request.qs())
    if (error) return response.redirect().toRoute('dues.overview')
    const plan = await planInvoiceRun({
      year: input.year,
      withoutReference: input.without_reference ?? false,
    })
    return view.render('dues/runs/confirm_generate', { plan, token: generateToken() })
  }

  async generate({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(runGenerateValidator)
    const withoutReference = input.without_reference ?? false
    const result = await new StartDuesRun().handle(
      {
        kind: 'generate',
        token: input.token,
        fingerprint: input.fingerprint,
        year: input.year,
        withoutReference,
      },
      staffActor({ auth, request })
    )
    const confirmation = {
      route: 'dues.confirm_generate' as const,
      qs: { year: input.year, ...(withoutReference ? { without_reference: 1 } : {}) },
    }
    return answer(result, confirmation, { response, session, i18n })
  }

  async confirmRemind({ view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    return view.render('dues/runs/confirm_remind', {
      plan: await planReminders(),
      token: generateToken(),
    })
  }

  async remind({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(runRemindValidator)
    const result = await new StartDuesRun().handle(
      {
        kind: 'remind',
        token: input.token,
        fingerprint: input.fingerprint,
        year: null,
        withoutReference: false,
      },
      staffActor({ auth, request })
    )
    return answer(
      result,
      { route: 'dues.confirm_remind' as const, qs: {} },
      { response, session, i18n }
    )
  }

  async show({ params, request, view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const run = await DuesRun.query()
      .where('id', params.id)
      .preload('items', (items) => items.orderBy('position'))
      .firstOrFail()
    // The page's script asks for the figures alone and moves the bar in place.
    if (request.accepts(['html', 'json']) === 'json') {
      return { state: run.state, done: run.done, total: run.total, percent: run.percent }
    }
    return view.render('dues/runs/show', { run, refreshSeconds: REFRESH_SECONDS })
  }
}

/** Every answer is a redirect, so Back never submits the confirmation again. */
function answer(
  result: StartDuesRunResult,
  confirmation: {
    route: 'dues.confirm_generate' | 'dues.confirm_remind'
    qs: Record<string, number>
  },
  { response, session, i18n }: Pick<HttpContext, 'response' | 'session' | 'i18n'>
) {
  switch (result.status) {
    case 'started':
    case 'existing':
      return response.redirect().toRoute('dues_runs.show', { id: result.run.id })
    case 'stale':
      session.flash('error', i18n.t('confirmations.stale'))
      return response.redirect().toRoute(confirmation.route, {}, { qs: confirmation.qs })
    case 'nothing_to_do':
      session.flash('error', i18n.t('confirmations.nothing_to_do'))
      return response.redirect().toRoute('dues.overview')
  }
}
