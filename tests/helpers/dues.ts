import type { DateTime } from 'luxon'
import TierFee from '#members/models/tier_fee'
import { OrganisationFactory, TierFactory } from '#database/factories/organisation_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { danishToday } from '#shared/danish_time'

/** The association as an invoice's seller: a valid CVR and a bank account. */
export async function sellerSettings(changes: Record<string, unknown> = {}) {
  const settings = await getAssociationSettings()
  settings.merge({
    name: 'Social Talks',
    cvr: '12345674',
    address: 'Vesterbrogade 1',
    postcode: '1620',
    city: 'København V',
    email: 'sekretariat@example.org',
    bankRegNo: '1234',
    bankAccountNo: '0012345678',
    ...changes,
  })
  await settings.save()
  return settings
}

/** A tier with its fee for the year, and active members in it (each with a primary contact). */
export async function tierWithMembers(
  options: { feeOre?: number; year?: number; count?: number; joinedOn?: DateTime } = {}
) {
  const year = options.year ?? danishToday().year
  const tier = await TierFactory.create()
  await TierFee.create({ tierId: tier.id, year, amountOre: options.feeOre ?? 125_000 })
  const organisations = await OrganisationFactory.merge({
    tierId: tier.id,
    ...(options.joinedOn ? { joinedOn: options.joinedOn } : {}),
  })
    .with('contacts', 1, (contact) => contact.apply('primary'))
    .createMany(options.count ?? 1)
  return { tier, year, organisations }
}
