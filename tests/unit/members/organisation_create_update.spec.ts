import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import AuditEvent from '#audit/models/audit_event'
import {
  CreateOrganisation,
  type CreateOrganisationInput,
} from '#members/actions/create_organisation'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { board } from '#tests/unit/members/organisation_helpers'

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
