import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { errors } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { middleware } from '#start/kernel'

const HealthController = () => import('#shared/controllers/health_controller')
const OutboxController = () => import('#shared/mail/outbox_controller')

router.get('/health', [HealthController, 'show'])
router.get('/health/ready', [HealthController, 'show']).as('health.ready')
router.get('/health/live', [HealthController, 'live'])
// Liveness for a load balancer: answers without touching the database.
router.get('/ping', () => 'ok')

/** The development outbox does not exist in production, whatever the mail settings say. */
async function developmentOnly(ctx: HttpContext, next: NextFn) {
  if (app.inProduction)
    throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
  return next()
}

router
  .group(() => {
    router.get('/outbox', [OutboxController, 'index'])
    router.get('/outbox/:id', [OutboxController, 'show'])
    router.get('/outbox/:id/html', [OutboxController, 'html'])
  })
  .where('id', router.matchers.number())
  .use([developmentOnly, middleware.auth()])
