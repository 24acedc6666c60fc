import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'

/** A new kontingentgruppe; its fees are set per year. */
export class CreateTier {
  async handle(input: { name: string; description: string | null }, actor: Actor) {
    try {
      const tier = await db.transaction(async (trx) => {
        const last = await trx.from('tiers').max('sort_order as highest').first()
        const created = await Tier.create(
          { ...input, sortOrder: Number(last?.highest ?? 0) + 1 },
          { client: trx }
        )
        await recordAuditEvent(trx, actor, {
          module: 'dues',
          action: 'tier.created',
          details: { tier: created.name },
        })
        return created
      })
      return { status: 'created' as const, tier }
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'name_taken' as const }
      throw error
    }
  }
}
