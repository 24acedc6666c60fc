import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

export default class AuditPolicy extends BasePolicy {
  view(user: User) {
    return can(user, 'audit.view')
  }
}
