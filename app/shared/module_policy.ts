import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { can } from '#identity/permissions'

/** Who may open each module's pages; the modules refine this per action. */
export default class ModulePolicy extends BasePolicy {
  dues(user: User) {
    return can(user, 'dues.view')
  }

  assemblies(user: User) {
    return can(user, 'assemblies.view')
  }
}
