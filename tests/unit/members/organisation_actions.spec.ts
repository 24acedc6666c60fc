import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import AuditEvent from '#audit/models/audit_event'
import {
  CreateOrganisation,
  type CreateOrganisationInput,
} from '#members/actions/create_organisation'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { ChangeMembershipStatus } from '#members/actions/change_membership_status'
import { SaveContact } from '#members/actions/save_contact'
import { RemoveContact } from '#members/actions/remove_contact'
import { Actors } from '#audit/actor'
import { OrganisationFactory } from '#database/factories/organisation_factory'

const board = Actors.system('board@example.org')

function newMember(
  name: string,
  overrides: Partial<CreateOrganisationInput> = {}
): CreateOrganisationInput {
  return {
    fields: {
      name,
      type: 'ngo',
      legalForm: 'Forening',
      cvr: null,
      ean: null,
      address: null,
      postcode: '0800',
      city: 'Høje-Taastrup',
      website: null,
      tierId: null,
      notes: null,
    },
    status: 'active',
    joinedOn: DateTime.fromISO('2021-01-15'),
    reason: 'Stiftende medlem',
    primaryContact: { name: 'Lene Larsen', email: 'lene@example.org', phone: null },
    ...overrides,
  }
}

test.group('CreateOrganisation', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('creates the member, its first dated status and its primary contact', async ({ assert }) => {
    const result = await new CreateOrganisation().handle(newMember('LIVSVÆRK'), board)
    assert.equal(result.status, 'created')
    const organisation = await Organisation.query()
      .preload('contacts')
      .preload('statusChanges')
      .firstOrFail()
    assert.equal(organisation.postcode, '0800')
    assert.equal(organisation.joinedOn?.toISODate(), '2021-01-15')
    assert.lengthOf(organisation.contacts, 1)
    assert.isTrue(organisation.contacts[0].isPrimary)
    assert.equal(organisation.statusChanges[0].toStatus, 'active')
    assert.equal(organisation.statusChanges[0].reason, 'Stiftende medlem')
    assert.exists(await AuditEvent.findBy('action', 'organisation.created'))
  })

  test('refuses a name already held by a member, whatever its case and accents', async ({
    assert,
  }) => {
    await new CreateOrganisation().handle(newMember('Dansk Socialrådgiverforening'), board)
    const again = await new CreateOrganisation().handle(
      newMember('DANSK SOCIALRADGIVERFORENING'),
      board
    )
    assert.equal(again.status, 'name_taken')
    assert.lengthOf(await Organisation.all(), 1)
  })

  test('lets a new organisation take the name of a former member', async ({ assert }) => {
    await OrganisationFactory.apply('resigned').merge({ name: 'Metodecentret' }).create()
    const result = await new CreateOrganisation().handle(newMember('Metodecentret'), board)
    assert.equal(result.status, 'created')
  })

  test('an applicant has no joined date until approved', async ({ assert }) => {
    await new CreateOrganisation().handle(
      newMember('Eksempelby Kommune', { status: 'applicant' }),
      board
    )
    const organisation = await Organisation.firstOrFail()
    assert.equal(organisation.status, 'applicant')
    assert.isNull(organisation.joinedOn)
    assert.exists(await AuditEvent.findBy('action', 'organisation.applied'))
  })
})

test.group('UpdateOrganisation', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('saves the changed fields and logs them', async ({ assert }) => {
    const organisation = await OrganisationFactory.create()
    const result = await new UpdateOrganisation().handle(
      organisation.id,
      { city: 'Odense', postcode: '5000' },
      board
    )
    assert.equal(result.status, 'updated')
    const event = await AuditEvent.findByOrFail('action', 'organisation.updated')
    assert.deepEqual(event.changes?.city, { from: 'Aarhus', to: 'Odense' })
    await organisation.refresh()
    assert.isNull(organisation.changedByMemberAt)
  })

  test('marks a change made by the member itself', async ({ assert }) => {
    const organisation = await OrganisationFactory.create()
    await new UpdateOrganisation().handle(
      organisation.id,
      { address: 'Ny Vej 1' },
      { type: 'member_contact', id: 1, label: 'lene@example.org' }
    )
    await organisation.refresh()
    assert.isNotNull(organisation.changedByMemberAt)
  })

  test('refuses a name that another member holds', async ({ assert }) => {
    await OrganisationFactory.merge({ name: 'Fri Af Misbrug' }).create()
    const other = await OrganisationFactory.create()
    const result = await new UpdateOrganisation().handle(
      other.id,
      { name: 'fri af misbrug' },
      board
    )
    assert.equal(result.status, 'name_taken')
  })
})

test.group('ChangeMembershipStatus', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('approves an applicant with a primary contact, dating the membership', async ({
    assert,
  }) => {
    const applicant = await OrganisationFactory.apply('applicant')
      .with('contacts', 1, (contact) => contact.apply('primary'))
      .create()
    const result = await new ChangeMembershipStatus().handle(
      {
        organisationId: applicant.id,
        to: 'active',
        changedOn: DateTime.fromISO('2026-03-01'),
        reason: 'Godkendt på bestyrelsesmøde',
      },
      board
    )
    assert.equal(result.status, 'changed')
    await applicant.refresh()
    assert.equal(applicant.status, 'active')
    assert.equal(applicant.joinedOn?.toISODate(), '2026-03-01')
    const history = await OrganisationStatusChange.query().where('organisation_id', applicant.id)
    assert.deepInclude(
      history.map((h) => [h.fromStatus, h.toStatus, h.reason]),
      ['applicant', 'active', 'Godkendt på bestyrelsesmøde']
    )
  })

  test('will not make a member of an organisation with nobody to write to', async ({ assert }) => {
    const applicant = await OrganisationFactory.apply('applicant').create()
    const result = await new ChangeMembershipStatus().handle(
      { organisationId: applicant.id, to: 'active', changedOn: DateTime.now(), reason: 'Godkendt' },
      board
    )
    assert.equal(result.status, 'needs_primary_contact')
  })

  test('refuses a change the lifecycle does not allow, changing nothing', async ({ assert }) => {
    const applicant = await OrganisationFactory.apply('applicant').create()
    const result = await new ChangeMembershipStatus().handle(
      {
        organisationId: applicant.id,
        to: 'expelled',
        changedOn: DateTime.now(),
        reason: 'Forkert',
      },
      board
    )
    assert.deepEqual(result, { status: 'not_allowed', from: 'applicant' })
    await applicant.refresh()
    assert.equal(applicant.status, 'applicant')
  })

  test('a resignation frees the name and dates the departure; rejoining takes it back', async ({
    assert,
  }) => {
    const member = await OrganisationFactory.merge({ name: 'Det Sociale Netværk' })
      .with('contacts', 1, (contact) => contact.apply('primary'))
      .create()
    await new ChangeMembershipStatus().handle(
      {
        organisationId: member.id,
        to: 'resigned',
        changedOn: DateTime.fromISO('2025-12-31'),
        reason: 'Udmeldt skriftligt',
      },
      board
    )
    await member.refresh()
    assert.equal(member.leftOn?.toISODate(), '2025-12-31')
    assert.isNull(member.currentNameKey)

    const rejoin = await new ChangeMembershipStatus().handle(
      {
        organisationId: member.id,
        to: 'active',
        changedOn: DateTime.fromISO('2026-02-01'),
        reason: 'Genindmeldt',
      },
      board
    )
    assert.equal(rejoin.status, 'changed')
    await member.refresh()
    assert.equal(member.currentNameKey, 'det sociale netvaerk')
    assert.isNull(member.leftOn)
  })

  test('a former member cannot rejoin while another holds its name', async ({ assert }) => {
    const former = await OrganisationFactory.apply('resigned')
      .merge({ name: 'Metodecentret' })
      .with('contacts', 1, (contact) => contact.apply('primary'))
      .create()
    await OrganisationFactory.merge({ name: 'METODECENTRET' }).create()
    const result = await new ChangeMembershipStatus().handle(
      { organisationId: former.id, to: 'active', changedOn: DateTime.now(), reason: 'Genindmeldt' },
      board
    )
    assert.equal(result.status, 'name_taken')
  })
})

test.group('Contacts of an organisation', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('keep exactly one primary contact', async ({ assert }) => {
    const member = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const result = await new SaveContact().handle(
      { organisationId: member.id },
      {
        name: 'Ny Primær',
        title: null,
        email: 'ny@example.org',
        phone: null,
        isPrimary: true,
        isBilling: true,
        isDelegate: false,
        isNewsletter: false,
      },
      board
    )
    assert.equal(result.status, 'saved')
    const primaries = await Contact.query()
      .where('organisation_id', member.id)
      .where('is_primary', true)
    assert.lengthOf(primaries, 1)
    assert.equal(primaries[0].name, 'Ny Primær')
  })

  test('the last primary contact of a member cannot step down or be removed', async ({
    assert,
  }) => {
    const member = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const [primary] = await Contact.query().where('organisation_id', member.id)

    const stepDown = await new SaveContact().handle(
      { organisationId: member.id, contactId: primary.id },
      {
        name: primary.name,
        title: null,
        email: primary.email,
        phone: primary.phone,
        isPrimary: false,
        isBilling: false,
        isDelegate: false,
        isNewsletter: false,
      },
      board
    )
    assert.equal(stepDown.status, 'primary_required')
    const remove = await new RemoveContact().handle(
      { organisationId: member.id, contactId: primary.id },
      board
    )
    assert.equal(remove.status, 'is_primary')
  })

  test('a contact of another organisation is not found', async ({ assert }) => {
    const one = await OrganisationFactory.with('contacts', 1).create()
    const other = await OrganisationFactory.create()
    const [contact] = await Contact.query().where('organisation_id', one.id)
    const result = await new RemoveContact().handle(
      { organisationId: other.id, contactId: contact.id },
      board
    )
    assert.equal(result.status, 'not_found')
    assert.exists(await Contact.find(contact.id))
  })
})
