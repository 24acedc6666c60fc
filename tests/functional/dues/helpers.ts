import { DateTime } from 'luxon'
import Contact from '#members/models/contact'
import TierFee from '#members/models/tier_fee'
import type Organisation from '#members/models/organisation'
import type Tier from '#members/models/tier'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { OrganisationFactory, TierFactory } from '#database/factories/organisation_factory'

/*
 * Shared set-up for the dues functional tests: the association as a seller
 * OIOUBL accepts, a tier with its fee, members in it, invoices issued directly.
 */

export const SELLER_CVR = '12345674'
/** A municipality's EAN with a correct GS1 check digit. */
export const MUNICIPALITY_EAN = '5798005770015'
/** Valid CVR numbers (modulus 11) for buyers. */
export const BUYER_CVRS = ['29000018', '29000026', '29000034', '29000042'] as const

export function thisYear() {
  return DateTime.now().setZone('Europe/Copenhagen').year
}

export async function sellerSettings(changes: Record<string, unknown> = {}) {
  const settings = await getAssociationSettings()
  settings.merge({
    name: 'Social Talks',
    cvr: SELLER_CVR,
    address: 'Vesterbrogade 1',
    postcode: '1620',
    city: 'København V',
    email: 'kasserer@socialtalks.example',
    bankRegNo: '1234',
    bankAccountNo: '0012345678',
    ...changes,
  })
  await settings.save()
  return settings
}

export async function tierWithFee(name = 'Organisationer', amountOre = 125_000, year = thisYear()) {
  const tier = await TierFactory.merge({ name }).create()
  await TierFee.create({ tierId: tier.id, year, amountOre })
  return tier
}

/** An active member in the tier with a primary contact (and a billing contact when asked). */
export async function member(
  tier: Tier | null,
  options: {
    name: string
    primaryEmail?: string
    billingEmail?: string
    cvr?: string | null
    state?: 'applicant' | 'resigned' | 'expelled' | 'kommune'
    merge?: Partial<Organisation>
  }
) {
  let builder = OrganisationFactory.merge({
    name: options.name,
    tierId: tier?.id ?? null,
    cvr: options.cvr ?? null,
    ...options.merge,
  })
  if (options.state) builder = builder.apply(options.state)
  builder = builder.with('contacts', 1, (contact) =>
    contact.apply('primary').merge({
      name: `Primær ${options.name}`,
      email: options.primaryEmail ?? null,
    })
  )
  if (options.billingEmail) {
    builder = builder.with('contacts', 1, (contact) =>
      contact.apply('billing').merge({
        name: `Bogholder ${options.name}`,
        email: options.billingEmail,
      })
    )
  }
  const organisation = await builder.create()
  const contacts = await Contact.query().where('organisation_id', organisation.id)
  return { organisation, contacts }
}

/** A municipality with an EAN and, unless told otherwise, an order reference. */
export async function municipality(
  tier: Tier,
  options: { name?: string; reference?: string | null; email?: string } = {}
) {
  const created = await member(tier, {
    name: options.name ?? 'Aarhus Kommune',
    state: 'kommune',
    cvr: '55133018',
    primaryEmail: options.email ?? 'faktura@aarhus.example.org',
  })
  // The factory's kommune state sets its own EAN after any merge; this one is set afterwards.
  created.organisation.merge({
    ean: MUNICIPALITY_EAN,
    invoiceReference: options.reference === undefined ? 'Ordre 4711' : options.reference,
  })
  await created.organisation.save()
  return created
}

/**
 * The year's dues invoice for one member, issued as the dues run would (without the mail);
 * `withoutReference` is the treasurer's confirmation for an EAN member without a reference.
 */
export async function issueInvoice(
  organisation: Organisation,
  options: { year?: number; issueDate?: DateTime; withoutReference?: boolean } = {}
) {
  const result = await new IssueDuesInvoice().handle(
    {
      organisationId: organisation.id,
      year: options.year ?? thisYear(),
      issueDate: options.issueDate,
      withoutReference: options.withoutReference,
    },
    Actors.system('test')
  )
  if (result.status !== 'issued') throw new Error(`Not issued: ${result.status}`)
  return result.invoice
}

/** PDF text with runs of white space folded, as a reader sees the words. */
export function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

/** The association, a tier at 1.250 kr., an ordinary member and a municipality, each invoiced. */
export async function invoicedMembers() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  const alfa = await member(tier, {
    name: 'Alfa Forening',
    cvr: BUYER_CVRS[0],
    primaryEmail: 'kasserer@alfa.example.org',
  })
  const kommune = await municipality(tier)
  const alfaInvoice = await issueInvoice(alfa.organisation)
  const kommuneInvoice = await issueInvoice(kommune.organisation)
  return { tier, alfa, kommune, alfaInvoice, kommuneInvoice }
}

export { asBytes } from '#tests/helpers/bytes'
