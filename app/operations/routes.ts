import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MetricsController = () => import('#operations/controllers/metrics_controller')
const FailedJobsController = () => import('#operations/controllers/failed_jobs_controller')
const BackupsController = () => import('#operations/controllers/backups_controller')

router.get('/metrics', [MetricsController, 'show'])

router
  .group(() => {
    router.get('/operations/jobs', [FailedJobsController, 'index'])
    router.post('/operations/jobs/:id/retry', [FailedJobsController, 'retry'])
  })
  // The queue names its jobs by UUID; anything else is no job.
  .where('id', router.matchers.uuid())
  .use(middleware.auth())

router
  .group(() => {
    router.get('/operations/backups', [BackupsController, 'index']).as('backups.index')
    router
      .put('/operations/backups/settings', [BackupsController, 'updateSettings'])
      .as('backups.update_settings')
  })
  .use(middleware.auth())
