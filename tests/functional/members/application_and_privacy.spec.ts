import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { memberActor } from '#members/portal_access'

const APPLICATION = {
  name: 'Eksempelby Kommune',
  type: 'kommune',
  ean: '5798000123458',
  postcode: '4300',
  city: 'Eksempelby',
  contact_name: 'Karin Kristensen',
  contact_email: 'Karin@Eksempelby.example.org',
  contact_phone: '+45 72 36 00 00',
  message: 'Vi vil gerne styrke vidensdelingen i vores børne- og ungeforvaltning.',
}

test.group('Membership application', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the public form makes an applicant that the board finds in the register', async ({
    client,
    assert,
  }) => {
    const form = await client.get('/bliv-medlem')
    form.assertStatus(200)
    form.assertTextIncludes('Bliv medlem af')

    const response = await client
      .post('/bliv-medlem')
      .form(APPLICATION)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Tak! Ansøgningen fra Eksempelby Kommune er modtaget. Bestyrelsen vender tilbage.'
    )
    const applicant = await Organisation.query().preload('contacts').firstOrFail()
    assert.equal(applicant.status, 'applicant')
    assert.equal(applicant.ean, '5798000123458')
    assert.equal(applicant.notes, APPLICATION.message)
    assert.equal(applicant.contacts[0].email, 'karin@eksempelby.example.org')
    assert.isTrue(applicant.contacts[0].isPrimary)

    const board = await UserFactory.apply('board').create()
    const list = await client.get('/members').qs({ status: 'applicant' }).loginAs(board)
    list.assertTextIncludes('Eksempelby Kommune')
    const dashboard = await client.get('/').loginAs(board)
    dashboard.assertTextIncludes('1 ansøgning venter')
  })

  test('a municipality without an EAN is refused next to the field', async ({ client, assert }) => {
    const response = await client
      .post('/bliv-medlem')
      .form({ ...APPLICATION, ean: '' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      ean: ['EAN-nummer kræves for kommuner og regioner.'],
    })
    assert.lengthOf(await Organisation.all(), 0)
  })

  test('the form is rate-limited', async ({ client }) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await client
        .post('/bliv-medlem')
        .form({ ...APPLICATION, name: `Ansøger ${attempt}` })
        .withCsrfToken()
        .redirects(0)
    }
    const blocked = await client
      .post('/bliv-medlem')
      .form({ ...APPLICATION, name: 'Ansøger 6' })
      .withCsrfToken()
    blocked.assertStatus(429)
  })

  test('the board rejects an application with a reason', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const applicant = await OrganisationFactory.apply('applicant').create()
    await client
      .post(`/members/${applicant.id}/status`)
      .form({
        to: 'rejected',
        changed_on: '2026-03-01',
        reason: 'Opfylder ikke formålsparagraffen',
      })
      .loginAs(board)
      .withCsrfToken()
    await applicant.refresh()
    assert.equal(applicant.status, 'rejected')
  })
})

test.group('A contact person’s data', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  async function setUp() {
    const organisation = await OrganisationFactory.merge({ name: 'LIVSVÆRK' })
      .with('contacts', 1, (contact) =>
        contact.apply('primary').merge({
          name: 'Lene Larsen',
          email: 'lene@livsvaerk.example.org',
          phone: '+45 20 11 22 33',
        })
      )
      .with('contacts', 1, (contact) =>
        contact.merge({ name: 'Bo Berg', email: 'bo@livsvaerk.example.org' })
      )
      .create()
    const lene = await Contact.findByOrFail('email', 'lene@livsvaerk.example.org')
    await organisation.load('contacts')
    // Lene changes the address in the portal: her name and address end up in the log.
    await new UpdateOrganisation().handle(
      organisation.id,
      { address: 'Ny Vej 1' },
      memberActor(lene, organisation)
    )
    return { organisation, lene, board: await UserFactory.apply('board').create() }
  }

  test('are exported as JSON with what the log holds about them', async ({ client, assert }) => {
    const { organisation, lene, board } = await setUp()
    const response = await client
      .get(`/members/${organisation.id}/contacts/${lene.id}/data`)
      .loginAs(board)
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/json; charset=utf-8')
    const data = JSON.parse(response.text())
    assert.deepInclude(data.person, {
      name: 'Lene Larsen',
      email: 'lene@livsvaerk.example.org',
      roles: ['primary'],
    })
    assert.equal(data.organisation.name, 'LIVSVÆRK')
    assert.isTrue(
      data.audit_events.some((event: { action: string }) => event.action === 'organisation.updated')
    )
    assert.exists(await AuditEvent.findBy('action', 'contact.data_exported'))
  })

  test('are erased, from the log too, while the organisation keeps its history', async ({
    client,
    assert,
  }) => {
    const { organisation, lene, board } = await setUp()
    const response = await client
      .post(`/members/${organisation.id}/contacts/${lene.id}/erasure`)
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Personens data er slettet. Organisationen har nu ingen primær kontaktperson: vælg en ny.'
    )
    await lene.refresh()
    assert.deepInclude(lene.$attributes, {
      name: '[slettet]',
      email: null,
      phone: null,
      title: null,
    })
    assert.isNotNull(lene.erasedAt)

    const log = JSON.stringify(await AuditEvent.all())
    assert.notInclude(log, 'lene@livsvaerk.example.org')
    assert.notInclude(log, 'Lene Larsen')
    const update = await AuditEvent.findByOrFail('action', 'organisation.updated')
    assert.equal(update.actorLabel, '[slettet]')
    assert.deepEqual(update.changes?.address, {
      from: update.changes?.address.from,
      to: 'Ny Vej 1',
    })
    assert.exists(await AuditEvent.findBy('action', 'contact.erased'))

    const page = await client.get(`/members/${organisation.id}`).loginAs(board)
    page.assertTextIncludes('Bo Berg')
    assert.notInclude(page.text(), 'Lene Larsen')
    assert.lengthOf(await Organisation.all(), 1)
  })

  test('an erased person cannot be exported again', async ({ client }) => {
    const { organisation, lene, board } = await setUp()
    await client
      .post(`/members/${organisation.id}/contacts/${lene.id}/erasure`)
      .loginAs(board)
      .withCsrfToken()
    const again = await client
      .get(`/members/${organisation.id}/contacts/${lene.id}/data`)
      .loginAs(board)
    again.assertStatus(404)
  })

  test('treasurer and secretariat may neither export nor erase', async ({ client, assert }) => {
    const { organisation, lene } = await setUp()
    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(
        await client.get(`/members/${organisation.id}/contacts/${lene.id}/data`).loginAs(user)
      ).assertStatus(403)
      ;(
        await client
          .post(`/members/${organisation.id}/contacts/${lene.id}/erasure`)
          .loginAs(user)
          .withCsrfToken()
      ).assertStatus(403)
    }
    await lene.refresh()
    assert.equal(lene.name, 'Lene Larsen')
  })
})
