import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import { ChangeMembershipStatus } from '#members/actions/change_membership_status'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { board } from '#tests/unit/members/organisation_helpers'

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
