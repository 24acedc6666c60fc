import type { HttpContext } from '@adonisjs/core/http'
import { applicationValidator } from '#members/validators/organisation'
import { SubmitMembershipApplication } from '#members/actions/submit_membership_application'
import { ORGANISATION_TYPES } from '#members/membership'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { organisationFieldsFrom } from '#members/controllers/form_input'
import { requestOrigin } from '#audit/request_actor'

/** /bliv-medlem: the public membership application. */
export default class MembershipApplicationController {
  async create({ view }: HttpContext) {
    return view.render('members/apply', {
      types: ORGANISATION_TYPES,
      association: await getAssociationSettings(),
    })
  }

  async store({ request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(applicationValidator)
    const result = await new SubmitMembershipApplication().handle({
      fields: organisationFieldsFrom({ ...input, notes: input.message }),
      contact: {
        name: input.contact_name,
        email: input.contact_email,
        phone: input.contact_phone ?? null,
      },
      ...requestOrigin(request),
    })
    if (result.status === 'name_taken') {
      session.flashAll()
      session.flash('inputErrorsBag', { name: [i18n.t('members.apply.name_taken')] })
      return response.redirect().toPath('/bliv-medlem')
    }
    session.flash('success', i18n.t('members.apply.received', { name: result.organisation.name }))
    return response.redirect().toPath('/bliv-medlem')
  }
}
