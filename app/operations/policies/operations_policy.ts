import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** Running the installation: background jobs that failed, and what can be done about them. */
export default class OperationsPolicy extends BasePolicy {
  manage(user: User) {
    return can(user, 'operations.manage')
  }
}
