import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import SettingsPolicy from '#association/policies/settings_policy'
import { settingsValidator } from '#association/validators/settings'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import {
  UpdateAssociationSettings,
  type LogoChange,
} from '#association/actions/update_association_settings'
import { staffActor } from '#audit/request_actor'
import { retentionSettingsFrom } from '#operations/retention/retention_settings'

export default class SettingsController {
  async edit({ view, bouncer }: HttpContext) {
    await bouncer.with(SettingsPolicy).authorize('edit')
    const settings = await getAssociationSettings()
    return view.render('association/settings', { settings, section: 'settings' })
  }

  async update({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(SettingsPolicy).authorize('edit')
    const input = await request.validateUsing(settingsValidator)

    let logo: LogoChange = null
    if (input.logo?.tmpPath)
      logo = {
        kind: 'replace',
        sourcePath: input.logo.tmpPath,
        extname: input.logo.extname ?? 'png',
      }
    else if (input.remove_logo) logo = { kind: 'remove' }

    const result = await new UpdateAssociationSettings().handle(
      {
        name: input.name,
        cvr: input.cvr ?? null,
        address: input.address ?? null,
        postcode: input.postcode ?? null,
        city: input.city ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        bankRegNo: input.bank_reg_no ?? null,
        bankAccountNo: input.bank_account_no ?? null,
        fiCreditorNo: input.fi_creditor_no ?? null,
        foundedOn: input.founded_on ? DateTime.fromJSDate(input.founded_on) : null,
        ...(input.brand_colour ? { brandColour: input.brand_colour } : {}),
        noticeDays: input.notice_days,
        motionDeadlineDays: input.motion_deadline_days,
        proxiesPerOrganisation: input.proxies_per_organisation,
        unpaidDuesRemoveVotingRight: input.unpaid_dues_remove_voting_right ?? false,
        duesGraceMonths: input.dues_grace_months,
        votesWhenNotInvoiced: input.votes_when_not_invoiced ?? false,
        votesWhenDuesNotDue: input.votes_when_dues_not_due ?? false,
        extraordinaryRequestPercent: input.extraordinary_request_percent,
        vatExempt: input.vat_exempt ?? false,
        vatExemptionText: input.vat_exemption_text ?? null,
        retention: retentionSettingsFrom(input),
      },
      logo,
      staffActor({ auth, request })
    )
    session.flash(
      'success',
      i18n.t(result.status === 'updated' ? 'settings.saved' : 'settings.unchanged')
    )
    return response.redirect().toPath('/settings')
  }
}
