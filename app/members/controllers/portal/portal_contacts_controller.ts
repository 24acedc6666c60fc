import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import { contactValidator } from '#members/validators/organisation'
import { SaveContact } from '#members/actions/save_contact'
import { RemoveContact } from '#members/actions/remove_contact'
import { contactFieldsFrom } from '#members/controllers/form_input'
import { memberActor } from '#members/portal_access'
import { requestOrigin } from '#audit/request_actor'

/** The member's own contacts, delegates and newsletter recipients. */
export default class PortalContactsController {
  async store(ctx: HttpContext) {
    return this.save(ctx, undefined)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.contactId))
  }

  async destroy({ params, request, response, session, auth, i18n }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const result = await new RemoveContact().handle(
      { organisationId: me.organisationId, contactId: Number(params.contactId) },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    if (result.status === 'not_found') return response.notFound()
    session.flash(
      result.status === 'removed' ? 'success' : 'error',
      i18n.t(result.status === 'removed' ? 'members.contact_removed' : 'members.primary_cannot_go')
    )
    return response.redirect().toPath('/medlem/organisation')
  }

  protected async save(
    { request, response, session, auth, i18n }: HttpContext,
    contactId: number | undefined
  ) {
    const me = auth.use('member').getUserOrFail() as Contact
    const input = await request.validateUsing(contactValidator)
    const result = await new SaveContact().handle(
      { organisationId: me.organisationId, contactId },
      contactFieldsFrom(input),
      memberActor(me, me.organisation, requestOrigin(request))
    )
    if (result.status === 'not_found') return response.notFound()
    if (result.status === 'primary_required')
      session.flash('error', i18n.t('members.primary_required'))
    else session.flash('success', i18n.t('members.contact_saved', { name: result.contact.name }))
    return response.redirect().toPath('/medlem/organisation')
  }
}
