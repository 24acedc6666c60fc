import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import Organisation from '#members/models/organisation'
import { portalOrganisationValidator } from '#members/validators/portal'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { memberActor, portalAccess } from '#members/portal_access'
import { getMemberAccount } from '#dues/queries/member_account'
import { nextAssemblyForMember } from '#assemblies/queries/next_assembly_for_member'
import { requestOrigin } from '#audit/request_actor'

/** The member's own organisation. Which one is the session's business, never the URL's. */
export default class PortalOrganisationController {
  async show({ view, auth }: HttpContext) {
    const contact = auth.use('member').getUserOrFail() as Contact
    const organisation = await Organisation.query()
      .where('id', contact.organisationId)
      .preload('tier')
      .preload('contacts', (contacts) =>
        contacts.whereNull('erased_at').orderBy('is_primary', 'desc').orderBy('name')
      )
      .firstOrFail()
    // An applicant has no invoices or assemblies yet; those pages open when it is a member.
    const member = portalAccess(organisation.status) === 'member'
    return view.render('portal/organisation', {
      organisation,
      me: contact,
      account: member ? await getMemberAccount(organisation.id) : null,
      next: member ? await nextAssemblyForMember(organisation.id) : null,
    })
  }

  async update({ request, response, session, auth, i18n }: HttpContext) {
    const contact = auth.use('member').getUserOrFail() as Contact
    const input = await request.validateUsing(portalOrganisationValidator)
    const result = await new UpdateOrganisation().handle(
      contact.organisationId,
      {
        address: input.address ?? null,
        postcode: input.postcode ?? null,
        city: input.city ?? null,
        website: input.website ?? null,
        ean: input.ean ?? null,
      },
      memberActor(contact, contact.organisation, requestOrigin(request))
    )
    session.flash(
      'success',
      i18n.t(result.status === 'updated' ? 'members.updated' : 'settings.unchanged')
    )
    return response.redirect().toPath('/medlem/organisation')
  }
}
