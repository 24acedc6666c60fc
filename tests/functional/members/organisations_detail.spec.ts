import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { foldSpace } from '#tests/helpers/text'
import { NEW_MEMBER } from '#tests/functional/members/organisation_helpers'

test.group('Member register', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the detail page shows contacts, status history and the audit trail', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    await client.post('/members').form(NEW_MEMBER).loginAs(board).withCsrfToken()
    const organisation = await Organisation.firstOrFail()
    const response = await client.get(`/members/${organisation.id}`).loginAs(board)
    response.assertStatus(200)
    response.assertTextIncludes('Frederik Frost')
    response.assertTextIncludes('id="new-contact-name"')
    response.assertTextIncludes('Fakturaer sendes til: Frederik Frost')
    response.assertTextIncludes('Primær')
    response.assertTextIncludes('Oprettet af bestyrelsen')
    response.assertTextIncludes('Fri Af Misbrug blev oprettet som medlem')
    response.assertTextIncludes('15. januar 2021')
  })

  test('editing saves the changes and logs them', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.create()
    await client
      .put(`/members/${organisation.id}`)
      .form({ name: organisation.name, type: 'fond', postcode: '0800', city: 'Høje-Taastrup' })
      .loginAs(board)
      .withCsrfToken()
    await organisation.refresh()
    assert.equal(organisation.type, 'fond')
    assert.equal(organisation.postcode, '0800')
    assert.exists(await AuditEvent.findBy('action', 'organisation.updated'))
  })

  test('status changes follow the lifecycle and show on the page with their reason', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()

    const refused = await client
      .post(`/members/${organisation.id}/status`)
      .form({ to: 'applicant', changed_on: '2026-01-01', reason: 'Forkert' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Status kan ikke skifte fra aktiv til ansøger.')

    const resigned = await client
      .post(`/members/${organisation.id}/status`)
      .form({ to: 'resigned', changed_on: '2025-12-31', reason: 'Udmeldt ved brev af 1. december' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    resigned.assertFlashMessage('success', 'Status er nu udmeldt.')
    const page = await client.get(`/members/${organisation.id}`).loginAs(board)
    assert.include(foldSpace(page.text()), 'aktiv → udmeldt')
    page.assertTextIncludes('Udmeldt ved brev af 1. december')
  })

  test('a status change needs a reason', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.create()
    const response = await client
      .post(`/members/${organisation.id}/status`)
      .form({ to: 'resigned', changed_on: '2025-12-31', reason: '' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { reason: ['Skal udfyldes.'] })
  })

  test('contacts are added, edited and removed; the primary role moves', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const [first] = await Contact.query().where('organisation_id', organisation.id)

    await client
      .post(`/members/${organisation.id}/contacts`)
      .form({ name: 'Ny Kasserer', email: 'kasse@example.org', is_billing: '1', is_primary: '1' })
      .loginAs(board)
      .withCsrfToken()
    const added = await Contact.findByOrFail('email', 'kasse@example.org')
    assert.isTrue(added.isPrimary)
    assert.isTrue(added.isBilling)
    await first.refresh()
    assert.isFalse(first.isPrimary)

    await client
      .put(`/members/${organisation.id}/contacts/${first.id}`)
      .form({ name: first.name, email: first.email, phone: '+45 11 22 33 44', is_delegate: '1' })
      .loginAs(board)
      .withCsrfToken()
    await first.refresh()
    assert.equal(first.phone, '+45 11 22 33 44')
    assert.isTrue(first.isDelegate)

    await client
      .delete(`/members/${organisation.id}/contacts/${first.id}`)
      .loginAs(board)
      .withCsrfToken()
    assert.isNull(await Contact.find(first.id))
    const removePrimary = await client
      .delete(`/members/${organisation.id}/contacts/${added.id}`)
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    removePrimary.assertFlashMessage(
      'error',
      'Den primære kontaktperson kan ikke fjernes. Gør en anden til primær først.'
    )
  })

  test('a contact id from another organisation is a 404', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const one = await OrganisationFactory.with('contacts', 1).create()
    const other = await OrganisationFactory.create()
    const [contact] = await Contact.query().where('organisation_id', one.id)
    const response = await client
      .put(`/members/${other.id}/contacts/${contact.id}`)
      .form({ name: 'Taken over' })
      .loginAs(board)
      .withCsrfToken()
    response.assertStatus(404)
  })
})
