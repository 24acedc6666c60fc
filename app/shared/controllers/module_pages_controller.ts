import type { HttpContext } from '@adonisjs/core/http'
import ModulePolicy from '#shared/module_policy'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/**
 * The entry page of each module. Until a module's register has data it shows
 * what the module is for and the settings that govern it.
 */
export default class ModulePagesController {
  async assemblies(ctx: HttpContext) {
    return this.render(ctx, 'assemblies')
  }

  protected async render({ view, bouncer }: HttpContext, section: 'assemblies') {
    await bouncer.with(ModulePolicy).authorize(section)
    const settings = await getAssociationSettings()
    return view.render('modules/landing', { section, settings })
  }
}
