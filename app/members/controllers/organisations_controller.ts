import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { knownFilters } from '#shared/query_filters'
import { danishIsoToday } from '#shared/danish_time'
import DuesPolicy from '#dues/policies/dues_policy'
import { getOrganisationInvoices } from '#dues/queries/organisation_invoices'
import MemberPolicy from '#members/policies/member_policy'
import Tier from '#members/models/tier'
import {
  createOrganisationValidator,
  organisationFiltersValidator,
  updateOrganisationValidator,
} from '#members/validators/organisation'
import { listOrganisations } from '#members/queries/list_organisations'
import { getOrganisationDetail } from '#members/queries/get_organisation'
import { CreateOrganisation } from '#members/actions/create_organisation'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { allowedTransitions, MEMBERSHIP_STATUSES, ORGANISATION_TYPES } from '#members/membership'
import { organisationFieldsFrom } from '#members/controllers/form_input'
import { billingRecipients } from '#members/contact_roles'
import { staffActor } from '#audit/request_actor'
import { showRefusedInput } from '#shared/refused_input'

export default class OrganisationsController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('view')
    const [error, filters] = await organisationFiltersValidator.tryValidate(request.qs(), {
      messagesProvider: i18n.createMessagesProvider(),
    })
    const shownFilters = knownFilters(request.qs(), [
      'q',
      'type',
      'status',
      'tier',
      'sort',
      'direction',
    ] as const)
    const valid = filters ?? {}
    const organisations = await listOrganisations(
      {
        q: valid.q,
        type: valid.type,
        status: valid.status,
        tierId: valid.tier,
        sort: valid.sort,
        direction: valid.direction,
      },
      valid.page ?? 1
    )
    organisations.baseUrl('/members').queryString(shownFilters)
    // A filter that does not parse is shown by its field and in the summary, as a refused form.
    if (error) showRefusedInput(view, shownFilters, error.messages)
    return view.render('members/index', {
      organisations,
      filters: shownFilters,
      tiers: await Tier.query().orderBy('sort_order').orderBy('name'),
      types: ORGANISATION_TYPES,
      statuses: MEMBERSHIP_STATUSES,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    return view.render('members/create', {
      tiers: await Tier.query().orderBy('sort_order'),
      types: ORGANISATION_TYPES,
      today: danishIsoToday(),
    })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const input = await request.validateUsing(createOrganisationValidator)
    const result = await new CreateOrganisation().handle(
      {
        fields: organisationFieldsFrom(input),
        status: input.status,
        joinedOn: input.joined_on ? DateTime.fromJSDate(input.joined_on) : null,
        reason: i18n.t('members.created_by_board'),
        primaryContact: {
          name: input.contact_name,
          email: input.contact_email,
          phone: input.contact_phone ?? null,
        },
      },
      staffActor({ auth, request })
    )
    if (result.status === 'name_taken') {
      session.flashAll()
      session.flash('inputErrorsBag', { name: [i18n.t('members.name_taken')] })
      return response.redirect().toPath('/members/new')
    }
    session.flash('success', i18n.t('members.created', { name: result.organisation.name }))
    return response.redirect().toRoute('organisations.show', { id: result.organisation.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('view')
    const { organisation, auditTrail, nameRequest } = await getOrganisationDetail(params.id)
    const invoices = (await bouncer.with(DuesPolicy).allows('view'))
      ? await getOrganisationInvoices(organisation.id)
      : null
    return view.render('members/show', {
      invoices,
      organisation,
      auditTrail,
      nameRequest,
      billing: billingRecipients(organisation.contacts),
      transitions: allowedTransitions(organisation.status),
      today: danishIsoToday(),
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const { organisation } = await getOrganisationDetail(params.id)
    return view.render('members/edit', {
      organisation,
      tiers: await Tier.query().orderBy('sort_order'),
      types: ORGANISATION_TYPES,
    })
  }

  async update({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const input = await request.validateUsing(updateOrganisationValidator)
    const result = await new UpdateOrganisation().handle(
      Number(params.id),
      organisationFieldsFrom(input),
      staffActor({ auth, request })
    )
    if (result.status === 'name_taken') {
      session.flashAll()
      session.flash('inputErrorsBag', { name: [i18n.t('members.name_taken')] })
      return response.redirect().toRoute('organisations.edit', { id: params.id })
    }
    session.flash(
      'success',
      i18n.t(result.status === 'updated' ? 'members.updated' : 'settings.unchanged')
    )
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }
}
