import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import TierFee from '#members/models/tier_fee'
import { CreateOrganisation } from '#members/actions/create_organisation'
import type { OrganisationFields } from '#members/organisation_fields'
import { Actors } from '#audit/actor'

const FOUNDED = DateTime.fromISO('2021-01-15')

/** Kontingentgrupper with this year's fee in øre. */
const TIERS = [
  { name: 'Lille organisation', description: 'Under 20 ansatte', sortOrder: 1, amountOre: 250_000 },
  {
    name: 'Mellemstor organisation',
    description: '20 til 199 ansatte',
    sortOrder: 2,
    amountOre: 500_000,
  },
  {
    name: 'Stor organisation',
    description: '200 ansatte eller flere',
    sortOrder: 3,
    amountOre: 1_000_000,
  },
  {
    name: 'Offentlig myndighed',
    description: 'Kommuner, regioner og statslige institutioner',
    sortOrder: 4,
    amountOre: 1_000_000,
  },
]

type DemoMember = {
  fields: Partial<OrganisationFields> & Pick<OrganisationFields, 'name' | 'type'>
  tier: string
  contact: { name: string; email: string; phone: string }
}

/** The seven organisations that founded Social Talks. */
const FOUNDERS: DemoMember[] = [
  {
    fields: {
      name: 'LIVSVÆRK',
      type: 'ngo',
      legalForm: 'Forening',
      city: 'København',
      postcode: '1000',
    },
    tier: 'Lille organisation',
    contact: {
      name: 'Lene Larsen',
      email: 'kontakt@livsvaerk.example.org',
      phone: '+45 20 11 22 33',
    },
  },
  {
    fields: {
      name: 'Socialt Udviklingscenter SUS',
      type: 'ngo',
      legalForm: 'Selvejende institution',
      city: 'København',
      postcode: '1620',
    },
    tier: 'Mellemstor organisation',
    contact: { name: 'Søren Sørensen', email: 'kontakt@sus.example.org', phone: '+45 20 22 33 44' },
  },
  {
    fields: {
      name: 'Metodecentret',
      type: 'ngo',
      legalForm: 'Selvejende institution',
      city: 'Aarhus',
      postcode: '8000',
    },
    tier: 'Mellemstor organisation',
    contact: {
      name: 'Mette Madsen',
      email: 'kontakt@metodecentret.example.org',
      phone: '+45 20 33 44 55',
    },
  },
  {
    fields: {
      name: 'Det Sociale Netværk',
      type: 'ngo',
      legalForm: 'Forening',
      city: 'København',
      postcode: '2200',
    },
    tier: 'Lille organisation',
    contact: {
      name: 'Niels Nielsen',
      email: 'kontakt@detsocialenetvaerk.example.org',
      phone: '+45 20 44 55 66',
    },
  },
  {
    fields: {
      name: 'Dansk Socialrådgiverforening',
      type: 'ngo',
      legalForm: 'Fagforening',
      city: 'København',
      postcode: '1606',
    },
    tier: 'Stor organisation',
    contact: {
      name: 'Dorte Dahl',
      email: 'kontakt@socialraadgiverne.example.org',
      phone: '+45 20 55 66 77',
    },
  },
  {
    fields: {
      name: 'Fri Af Misbrug',
      type: 'ngo',
      legalForm: 'Forening',
      city: 'Odense',
      postcode: '5000',
    },
    tier: 'Lille organisation',
    contact: {
      name: 'Frederik Frost',
      email: 'kontakt@friafmisbrug.example.org',
      phone: '+45 20 66 77 88',
    },
  },
  {
    fields: {
      name: 'De Anbragtes Vilkår',
      type: 'ngo',
      legalForm: 'Forening',
      city: 'København',
      postcode: '2400',
    },
    tier: 'Lille organisation',
    contact: {
      name: 'Anna Andersen',
      email: 'kontakt@deanbragtesvilkaar.example.org',
      phone: '+45 20 77 88 99',
    },
  },
]

/** The kinds of members Social Talks hopes for: a municipality and a research institution. */
const APPLICANTS: DemoMember[] = [
  {
    fields: {
      name: 'Eksempelby Kommune',
      type: 'kommune',
      legalForm: 'Kommune',
      ean: '5798000123458',
      address: 'Rådhuspladsen 1',
      postcode: '4300',
      city: 'Eksempelby',
    },
    tier: 'Offentlig myndighed',
    contact: {
      name: 'Karin Kristensen',
      email: 'boern.unge@eksempelby.example.org',
      phone: '+45 72 36 00 00',
    },
  },
  {
    fields: {
      name: 'Center for Praksisforskning',
      type: 'forskning',
      legalForm: 'Selvejende institution',
      postcode: '5230',
      city: 'Odense M',
    },
    tier: 'Mellemstor organisation',
    contact: {
      name: 'Peter Poulsen',
      email: 'praksis@forskning.example.org',
      phone: '+45 65 50 00 00',
    },
  },
]

/** A municipality that joined later: the member the e-invoice (OIOUBL) is for. */
const MUNICIPALITY: DemoMember & { joinedOn: DateTime } = {
  fields: {
    name: 'Nordby Kommune',
    type: 'kommune',
    legalForm: 'Kommune',
    cvr: '87654303',
    ean: '5798000102033',
    invoiceReference: 'Børn og Unge, ordre 4711',
    address: 'Torvet 2',
    postcode: '9900',
    city: 'Nordby',
  },
  tier: 'Offentlig myndighed',
  contact: {
    name: 'Mette Mortensen',
    email: 'boern.unge@nordby.example.org',
    phone: '+45 98 12 34 56',
  },
  joinedOn: DateTime.fromISO('2024-03-01'),
}

/** Fees from the founding year to next year, rising a little in 2024. */
function feeFor(amountOre: number, year: number) {
  return year < 2024 ? Math.round((amountOre * 0.8) / 100) * 100 : amountOre
}

/** Fills an empty register; reports whether it did. */
export async function seedDemoMembers() {
  const existing = await db.from('organisations').count('* as total').first()
  if (Number(existing?.total ?? 0) > 0) return false

  const tiers = new Map<string, number>()
  for (const { amountOre, ...tier } of TIERS) {
    const row = await Tier.create(tier)
    for (let year = FOUNDED.year; year <= DateTime.now().year + 1; year++) {
      await TierFee.create({ tierId: row.id, year, amountOre: feeFor(amountOre, year) })
    }
    tiers.set(row.name, row.id)
  }

  const seeder = Actors.system('demo data')
  const create = (
    member: DemoMember,
    status: 'active' | 'applicant',
    reason: string,
    joinedOn: DateTime | null = status === 'active' ? FOUNDED : null
  ) =>
    new CreateOrganisation().handle(
      {
        fields: {
          legalForm: null,
          cvr: null,
          ean: null,
          address: null,
          postcode: null,
          city: null,
          website: null,
          notes: null,
          ...member.fields,
          tierId: tiers.get(member.tier) ?? null,
        },
        status,
        joinedOn,
        reason,
        primaryContact: member.contact,
      },
      seeder
    )
  for (const founder of FOUNDERS)
    await create(founder, 'active', 'Stiftende medlem, stiftende generalforsamling 15. januar 2021')
  for (const applicant of APPLICANTS)
    await create(applicant, 'applicant', 'Ansøgning om medlemskab')
  await create(MUNICIPALITY, 'active', 'Optaget af bestyrelsen', MUNICIPALITY.joinedOn)
  return true
}
