import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import OperationsPolicy from '#operations/policies/operations_policy'
import { listFailedJobs } from '#operations/queries/list_failed_jobs'
import { RetryFailedJob } from '#operations/actions/retry_failed_job'
import { staffActor } from '#audit/request_actor'

/** The admin's list of background jobs that failed, with their error and a retry button. */
export default class FailedJobsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(OperationsPolicy).authorize('manage')
    const driver = env.get('QUEUE_DRIVER')
    const jobs = driver === 'database' ? await listFailedJobs() : []
    return view.render('operations/failed_jobs', { jobs, driver, section: 'staff' })
  }

  async retry({ params, request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with(OperationsPolicy).authorize('manage')
    const actor = staffActor({ auth, request })
    const result = await new RetryFailedJob().handle(params.id, actor)
    if (result.status === 'queued')
      session.flash('success', i18n.t('operations.jobs.retried', { name: result.name }))
    else session.flash('error', i18n.t('operations.jobs.not_failed'))
    return response.redirect().toRoute('failed_jobs.index')
  }
}
