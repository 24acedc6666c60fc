/*
| Server-sent events for live pages. The chair's screen of an assembly is
| for staff who may see the assemblies; the stream carries counts only.
*/
import transmit from '@adonisjs/transmit/services/main'
import { can } from '#identity/permissions'
import type User from '#identity/models/user'

transmit.registerRoutes()

transmit.authorize<{ id: string }>('assemblies/:id/live', async (ctx) => {
  const guard = ctx.auth.use('web')
  if (!(await guard.check())) return false
  return can(guard.getUserOrFail() as User, 'assemblies.view')
})
