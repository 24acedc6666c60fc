import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import Tier from '#members/models/tier'

export const TierFactory = factory
  .define(Tier, ({ faker }) => ({
    name: `${faker.word.adjective()} ${faker.number.int({ min: 1, max: 999_999 })}`,
    description: null,
    sortOrder: 0,
  }))
  .build()

export const ContactFactory = factory
  .define(Contact, ({ faker }) => ({
    name: faker.person.fullName(),
    title: null,
    email: faker.internet.email().toLowerCase(),
    phone: '+45 20 30 40 50',
    isPrimary: false,
    isBilling: false,
    isDelegate: false,
    isNewsletter: false,
  }))
  .state('primary', (contact) => (contact.isPrimary = true))
  .state('billing', (contact) => (contact.isBilling = true))
  .build()

/**
 * Organisations. States: active (the default, with a joined date), applicant,
 * resigned, expelled, kommune (with an EAN). Add a primary contact with
 * `.with('contacts', 1, (c) => c.apply('primary'))`.
 */
export const OrganisationFactory = factory
  .define(Organisation, ({ faker }) => ({
    name: `${faker.company.name()} ${faker.number.int({ min: 1, max: 999_999 })}`,
    type: 'ngo' as const,
    legalForm: 'Forening',
    cvr: null,
    ean: null,
    address: faker.location.streetAddress(),
    postcode: '8000',
    city: 'Aarhus',
    website: null,
    tierId: null,
    status: 'active' as const,
    joinedOn: DateTime.fromISO('2021-01-15'),
    leftOn: null,
    notes: null,
  }))
  .state('applicant', (organisation) => {
    organisation.status = 'applicant'
    organisation.joinedOn = null
  })
  .state('resigned', (organisation) => {
    organisation.status = 'resigned'
    organisation.leftOn = DateTime.fromISO('2024-12-31')
  })
  .state('expelled', (organisation) => {
    organisation.status = 'expelled'
    organisation.leftOn = DateTime.fromISO('2024-06-30')
  })
  .state('kommune', (organisation) => {
    organisation.type = 'kommune'
    organisation.legalForm = 'Kommune'
    organisation.ean = '5798000123458'
  })
  .relation('contacts', () => ContactFactory)
  .build()
