import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** Dues: the treasurer (and admins) change them; the board reads along. */
export default class DuesPolicy extends BasePolicy {
  view(user: User) {
    return can(user, 'dues.view')
  }

  edit(user: User) {
    return can(user, 'dues.edit')
  }
}
