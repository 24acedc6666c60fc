import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** The register: every staff role reads it; the board keeps it. */
export default class MemberPolicy extends BasePolicy {
  view(user: User) {
    return can(user, 'members.view')
  }

  edit(user: User) {
    return can(user, 'members.edit')
  }
}
