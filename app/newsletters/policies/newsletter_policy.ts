import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** Newsletters: the board reads along; the secretariat writes and keeps the lists. */
export default class NewsletterPolicy extends BasePolicy {
  view(user: User) {
    return can(user, 'newsletters.view')
  }

  edit(user: User) {
    return can(user, 'newsletters.edit')
  }
}
