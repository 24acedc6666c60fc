import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

export default class StaffPolicy extends BasePolicy {
  viewDashboard(user: User) {
    return can(user, 'dashboard.view')
  }

  manage(user: User) {
    return can(user, 'staff.manage')
  }

  /** An admin may not take away their own admin role or lock themselves out. */
  update(user: User, target: User) {
    return can(user, 'staff.manage') && user.id !== target.id
  }

  readOutbox(user: User) {
    return can(user, 'outbox.view')
  }
}
