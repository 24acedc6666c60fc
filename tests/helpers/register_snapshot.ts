import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import {
  ContactFactory,
  OrganisationFactory,
  TierFactory,
} from '#database/factories/organisation_factory'

/**
 * Everything the register file carries, read straight from the database
 * without ids or timestamps, in a stable order: two registers with the same
 * snapshot hold the same members, details, contacts and roles.
 */
export async function registerSnapshot() {
  const organisations = await Organisation.query()
    .preload('tier')
    .preload('contacts', (contacts) => contacts.whereNull('erased_at').orderBy('id'))
    .orderBy('name_key')
  return organisations.map((organisation) => ({
    name: organisation.name,
    type: organisation.type,
    legalForm: organisation.legalForm,
    cvr: organisation.cvr,
    ean: organisation.ean,
    address: organisation.address,
    postcode: organisation.postcode,
    city: organisation.city,
    website: organisation.website,
    invoiceReference: organisation.invoiceReference,
    tier: organisation.tier?.name ?? null,
    status: organisation.status,
    joinedOn: organisation.joinedOn?.toISODate() ?? null,
    leftOn: organisation.leftOn?.toISODate() ?? null,
    notes: organisation.notes,
    contacts: organisation.contacts.map((contact) => ({
      name: contact.name,
      title: contact.title,
      email: contact.email,
      phone: contact.phone,
      roles: [contact.isPrimary, contact.isBilling, contact.isDelegate, contact.isNewsletter],
    })),
  }))
}

/** Empties the register of organisations and contacts, keeping the fee groups. */
export async function emptyRegister() {
  await db.from('contacts').delete()
  await db.from('organisation_status_changes').delete()
  await db.from('organisations').delete()
}

/**
 * A register with everything a real one holds and that Excel tends to
 * damage: fee groups, every status, a resignation date, leading-zero
 * postcodes, 13-digit EANs, +45 phones, values that start like formulas,
 * line breaks, Danish letters, several contacts with their roles, a shared
 * office address with no person's name, and a member with no contact.
 */
export async function richRegister() {
  const [small, large] = await Promise.all([
    TierFactory.merge({ name: 'Lille organisation', sortOrder: 1 }).create(),
    TierFactory.merge({ name: 'Stor organisation', sortOrder: 2 }).create(),
  ])
  const livsvaerk = await OrganisationFactory.merge({
    name: 'LIVSVÆRK',
    cvr: '10150817',
    address: 'Nørregade 7\n2. sal',
    postcode: '1165',
    city: 'København K',
    website: 'https://livsvaerk.example.org',
    tierId: large.id,
    notes: '+ stiftende medlem\n= bestyrelsespost',
    joinedOn: DateTime.fromISO('2021-01-15'),
  }).create()
  await ContactFactory.merge([
    {
      name: 'Lene Larsen',
      title: 'Direktør',
      email: 'lene@livsvaerk.example.org',
      phone: '+45 20 11 22 33',
      isPrimary: true,
      isDelegate: true,
    },
    {
      name: '',
      title: null,
      email: 'kontor@livsvaerk.example.org',
      phone: '-',
      isBilling: true,
      isNewsletter: true,
    },
    {
      name: 'Øjvind Ærø',
      title: 'Kasserer',
      email: null,
      phone: '0045 33 44 55 66',
      isBilling: false,
    },
  ])
    .merge({ organisationId: livsvaerk.id })
    .createMany(3)
  const kommune = await OrganisationFactory.merge({
    name: 'Eksempelby Kommune',
    type: 'kommune',
    legalForm: 'Kommune',
    ean: '5798000123458',
    postcode: '0800',
    city: 'Høje-Taastrup',
    invoiceReference: 'Børn og Unge 4711',
    tierId: small.id,
    joinedOn: DateTime.fromISO('2024-03-01'),
  }).create()
  await ContactFactory.apply('primary')
    .merge({
      organisationId: kommune.id,
      name: 'Karin Kristensen',
      email: 'karin@eksempelby.example.org',
      phone: null,
      isNewsletter: true,
    })
    .create()
  const resigned = await OrganisationFactory.apply('resigned')
    .merge({
      name: '-10 Forening',
      joinedOn: DateTime.fromISO('2021-01-15'),
      leftOn: DateTime.fromISO('2023-06-30'),
      postcode: '0900',
    })
    .create()
  await ContactFactory.apply('primary')
    .merge({ organisationId: resigned.id, name: '@Anna', email: 'anna@minus10.example.org' })
    .create()
  await OrganisationFactory.apply('applicant')
    .merge({ name: 'Ny Ansøger ApS', legalForm: 'ApS', type: 'virksomhed', address: null })
    .create()
  await OrganisationFactory.merge({
    name: 'Kontaktløs Fond',
    type: 'fond',
    legalForm: 'Fond',
    address: null,
    notes: null,
  }).create()
}
