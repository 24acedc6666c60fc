import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** The association's logo is public: it appears in mails and on invoices. */
export default class LogoController {
  async show({ response }: HttpContext) {
    const settings = await getAssociationSettings()
    if (!settings.logoPath) return response.notFound()
    response.header('Cache-Control', 'public, max-age=300')
    return response.download(app.tmpPath(settings.logoPath))
  }
}
