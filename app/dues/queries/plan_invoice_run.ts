import Contact from '#members/models/contact'
import { getDuesCandidates } from '#dues/queries/dues_candidates'
import { proratedFee } from '#dues/proration'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'
import { billingRecipients } from '#members/contact_roles'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { planFingerprint } from '#dues/runs/fingerprint'

export type SkipReason = 'no_tier' | 'no_fee' | 'no_reference'

export type PlannedInvoice = {
  organisationId: number
  organisation: string
  tier: string
  amountOre: number
  quarters: number
  /** Where the invoice will be mailed; empty when the member has no address. */
  recipients: string[]
}

export type InvoicePlan = {
  year: number
  withoutReference: boolean
  items: PlannedInvoice[]
  skipped: { organisationId: number; organisation: string; reason: SkipReason }[]
  alreadyInvoiced: number
  totalOre: number
  fingerprint: string
}

/**
 * What the year's dues run would do now, without writing anything: an
 * invoice for each active member with a tier, a fee and (for EAN members)
 * a buyer reference unless `withoutReference`; the others named with why.
 */
export async function planInvoiceRun(input: {
  year: number
  withoutReference: boolean
}): Promise<InvoicePlan> {
  const settings = await getAssociationSettings()
  const candidates = await getDuesCandidates(input.year)
  const plan: InvoicePlan = {
    year: input.year,
    withoutReference: input.withoutReference,
    items: [],
    skipped: [],
    alreadyInvoiced: 0,
    totalOre: 0,
    fingerprint: '',
  }
  const due = []
  for (const candidate of candidates) {
    const organisation = candidate.organisation
    if (candidate.invoiced) {
      plan.alreadyInvoiced++
    } else if (!organisation.tierId || candidate.feeOre === null) {
      const reason = organisation.tierId ? 'no_fee' : 'no_tier'
      plan.skipped.push({
        organisationId: organisation.id,
        organisation: organisation.name,
        reason,
      })
    } else if (!input.withoutReference && lacksBuyerReference(organisation)) {
      plan.skipped.push({
        organisationId: organisation.id,
        organisation: organisation.name,
        reason: 'no_reference',
      })
    } else {
      due.push({ organisation, feeOre: candidate.feeOre })
    }
  }
  const contacts = due.length
    ? await Contact.query().whereIn(
        'organisation_id',
        due.map((entry) => entry.organisation.id)
      )
    : []
  for (const { organisation, feeOre } of due) {
    const { amountOre, quarters } = proratedFee(
      feeOre,
      input.year,
      organisation.joinedOn,
      settings.duesProration
    )
    const own = contacts.filter((contact) => contact.organisationId === organisation.id)
    plan.items.push({
      organisationId: organisation.id,
      organisation: organisation.name,
      tier: organisation.tier.name,
      amountOre,
      quarters,
      recipients: billingRecipients(own).flatMap((contact) =>
        contact.email ? [contact.email] : []
      ),
    })
    plan.totalOre += amountOre
  }
  plan.fingerprint = planFingerprint([
    'generate',
    input.year,
    input.withoutReference,
    plan.items.map((item) => [item.organisationId, item.amountOre, item.recipients]),
  ])
  return plan
}
