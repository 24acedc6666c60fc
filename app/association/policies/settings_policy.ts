import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

export default class SettingsPolicy extends BasePolicy {
  edit(user: User) {
    return can(user, 'settings.manage')
  }
}
