import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuditEventsController = () => import('#audit/controllers/audit_events_controller')

router.get('/audit', [AuditEventsController, 'index']).use(middleware.auth())
