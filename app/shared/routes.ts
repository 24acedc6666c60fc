import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HealthController = () => import('#shared/controllers/health_controller')
const OutboxController = () => import('#shared/mail/outbox_controller')

router.get('/health', [HealthController, 'show'])
// Liveness for a load balancer: answers without touching the database.
router.get('/ping', () => 'ok')

router
  .group(() => {
    router.get('/outbox', [OutboxController, 'index'])
    router.get('/outbox/:id', [OutboxController, 'show'])
    router.get('/outbox/:id/html', [OutboxController, 'html'])
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())
