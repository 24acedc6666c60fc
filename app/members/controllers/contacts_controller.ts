import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { contactValidator } from '#members/validators/organisation'
import { SaveContact, type SaveContactResult } from '#members/actions/save_contact'
import { RemoveContact } from '#members/actions/remove_contact'
import { contactFieldsFrom } from '#members/controllers/form_input'
import { staffActor } from '#audit/request_actor'

export default class ContactsController {
  async store(ctx: HttpContext) {
    return this.save(ctx, undefined)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.contactId))
  }

  async destroy({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const result = await new RemoveContact().handle(
      { organisationId: Number(params.id), contactId: Number(params.contactId) },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    session.flash(
      result.status === 'removed' ? 'success' : 'error',
      i18n.t(result.status === 'removed' ? 'members.contact_removed' : 'members.primary_cannot_go')
    )
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }

  protected async save(
    { params, request, response, session, auth, bouncer, i18n }: HttpContext,
    contactId: number | undefined
  ) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const input = await request.validateUsing(contactValidator)
    const result: SaveContactResult = await new SaveContact().handle(
      { organisationId: Number(params.id), contactId },
      contactFieldsFrom(input),
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    if (result.status === 'primary_required') {
      session.flash('error', i18n.t('members.primary_required'))
    } else {
      session.flash('success', i18n.t('members.contact_saved', { name: result.contact.name }))
    }
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }
}
