import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import TierFee from '#members/models/tier_fee'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/**
 * A tier's fee for a year, next year's included before it applies. A fee
 * already on issued invoices can still change: those invoices keep theirs.
 */
export class SetTierFee {
  async handle(input: { tierId: number; year: number; amountOre: number }, actor: Actor) {
    if (input.amountOre < 0) return { status: 'negative' as const }
    const tier = await Tier.findOrFail(input.tierId)
    return db.transaction(async (trx) => {
      const existing = await TierFee.query({ client: trx })
        .where('tier_id', tier.id)
        .where('year', input.year)
        .first()
      const before = existing?.amountOre ?? null
      if (before === input.amountOre) return { status: 'unchanged' as const }
      const fee = existing ?? new TierFee()
      fee.merge({ tierId: tier.id, year: input.year, amountOre: input.amountOre })
      await fee.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'dues',
        action: 'fee.set',
        details: { tier: tier.name, year: input.year, amount: (input.amountOre / 100).toFixed(2) },
        changes: { amount_ore: { from: before, to: input.amountOre } },
      })
      return { status: 'saved' as const }
    })
  }
}
