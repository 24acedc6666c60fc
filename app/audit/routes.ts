import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuditEventsController = () => import('#audit/controllers/audit_events_controller')
const ImportFilesController = () => import('#audit/controllers/import_files_controller')

router.get('/audit', [AuditEventsController, 'index']).use(middleware.auth())
router.get('/audit/export', [AuditEventsController, 'export']).use(middleware.auth())
router
  .group(() => {
    router.get('/audit/imports/:id/file', [ImportFilesController, 'file'])
    router.get('/audit/imports/:id/changes', [ImportFilesController, 'changes'])
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())
