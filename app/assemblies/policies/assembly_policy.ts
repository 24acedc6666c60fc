import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** General assemblies are the board's (and admins'). */
export default class AssemblyPolicy extends BasePolicy {
  view(user: User) {
    return can(user, 'assemblies.view')
  }

  manage(user: User) {
    return can(user, 'assemblies.view')
  }
}
