import type { HttpContext } from '@adonisjs/core/http'
import StaffPolicy from '#identity/policies/staff_policy'
import OutboxMessage from '#shared/mail/outbox_message'

export default class OutboxController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('readOutbox')
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    const messages = await OutboxMessage.query().orderBy('id', 'desc').paginate(page, 50)
    messages.baseUrl('/outbox')
    return view.render('outbox/index', { messages, section: 'outbox' })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('readOutbox')
    const message = await OutboxMessage.findOrFail(params.id)
    return view.render('outbox/show', { message, section: 'outbox' })
  }

  /** The HTML part alone, shown in a sandboxed frame so its styles and links stay inside. */
  async html({ params, response, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('readOutbox')
    const message = await OutboxMessage.findOrFail(params.id)
    response.header(
      'Content-Security-Policy',
      "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'"
    )
    response.header('X-Frame-Options', 'SAMEORIGIN')
    return response.type('text/html').send(message.html ?? '')
  }
}
