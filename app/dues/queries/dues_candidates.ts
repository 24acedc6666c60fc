import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import TierFee from '#members/models/tier_fee'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'

export type DuesCandidate = {
  organisation: Organisation
  feeOre: number | null
  invoiced: boolean
}

/**
 * Members who owe dues for the year: active, joined by the end of it. Each
 * with its tier's fee for the year (null when none is set) and whether its
 * invoice for the year already stands.
 */
export async function getDuesCandidates(year: number): Promise<DuesCandidate[]> {
  const organisations = await Organisation.query()
    .where('status', 'active')
    .where((query) => query.whereNull('joined_on').orWhere('joined_on', '<=', `${year}-12-31`))
    .preload('tier')
    .orderBy('name')
  const fees = await TierFee.query().where('year', year)
  const feeByTier = new Map(fees.map((fee) => [fee.tierId, fee.amountOre]))
  const invoiced = await db
    .from('invoices')
    .whereNotNull('dues_key')
    .where('year', year)
    .select('organisation_id')
  const invoicedIds = new Set(invoiced.map((row) => Number(row.organisation_id)))
  return organisations.map((organisation) => ({
    organisation,
    feeOre: organisation.tierId ? (feeByTier.get(organisation.tierId) ?? null) : null,
    invoiced: invoicedIds.has(organisation.id),
  }))
}

/**
 * Who the year's run would invoice by EAN without the buyer reference their
 * e-invoice needs, for the treasurer to fix or to confirm before the run.
 */
export async function getCandidatesLackingReference(year: number) {
  const candidates = await getDuesCandidates(year)
  return candidates
    .filter(
      (candidate) =>
        !candidate.invoiced &&
        candidate.feeOre !== null &&
        lacksBuyerReference(candidate.organisation)
    )
    .map((candidate) => candidate.organisation)
}
