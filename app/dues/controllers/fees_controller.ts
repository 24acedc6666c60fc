import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import DuesPolicy from '#dues/policies/dues_policy'
import { duesSettingsValidator, feeValidator, tierValidator } from '#dues/validators/dues'
import { SetTierFee } from '#dues/actions/set_tier_fee'
import { SaveDuesSettings } from '#dues/actions/save_dues_settings'
import { CreateTier } from '#dues/actions/create_tier'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { staffActor } from '#audit/request_actor'

/** The fee schedule: tiers, their fee per year, and how dues are invoiced. */
export default class FeesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const tiers = await Tier.query().preload('fees').orderBy('sort_order').orderBy('name')
    const feeYears = await db.from('tier_fees').distinct('year').orderBy('year', 'desc')
    const thisYear = danishToday().year
    const years = [
      ...new Set([thisYear + 1, thisYear, ...feeYears.map((row) => Number(row.year))]),
    ].sort((a, b) => b - a)
    return view.render('dues/fees', {
      tiers,
      years,
      nextYear: thisYear + 1,
      settings: await getAssociationSettings(),
    })
  }

  async storeFee({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(feeValidator)
    const result = await new SetTierFee().handle(
      { tierId: input.tier_id, year: input.year, amountOre: input.amount },
      staffActor({ auth, request })
    )
    if (result.status === 'negative') {
      session.flash('inputErrorsBag', { amount: [i18n.t('dues.fees.negative')] })
      session.flashAll()
    } else {
      session.flash('success', i18n.t(`dues.fees.${result.status}`))
    }
    return response.redirect().toPath('/dues/fees')
  }

  async storeTier({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(tierValidator)
    const result = await new CreateTier().handle(
      { name: input.name, description: input.description ?? null },
      staffActor({ auth, request })
    )
    if (result.status === 'name_taken') {
      session.flash('inputErrorsBag', { name: [i18n.t('dues.tiers.name_taken')] })
      session.flashAll()
    } else {
      session.flash('success', i18n.t('dues.tiers.created'))
    }
    return response.redirect().toPath('/dues/fees')
  }

  async saveSettings({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    const input = await request.validateUsing(duesSettingsValidator)
    const result = await new SaveDuesSettings().handle(
      {
        duesProration: input.dues_proration,
        invoiceDueDays: input.invoice_due_days,
        reminderFeeOre: input.reminder_fee,
        reminderIntervalDays: input.reminder_interval_days,
        automaticReminders: input.automatic_reminders === true,
        accounts: {
          duesIncomeAccount: input.dues_income_account,
          feeIncomeAccount: input.fee_income_account,
          debtorsAccount: input.debtors_account,
          bankAccount: input.bank_account,
          vatAccount: input.vat_account,
        },
      },
      staffActor({ auth, request })
    )
    if (result.status === 'fee_too_high') {
      session.flash('inputErrorsBag', { reminder_fee: [i18n.t('dues.settings.fee_too_high')] })
      session.flashAll()
    } else {
      session.flash('success', i18n.t(`dues.settings.${result.status}`))
    }
    return response.redirect().toPath('/dues/fees')
  }
}
