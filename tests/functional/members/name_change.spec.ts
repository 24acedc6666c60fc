import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import NameChangeRequest from '#members/models/name_change_request'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'

async function member(name = 'Det Sociale Netværk') {
  const organisation = await OrganisationFactory.merge({ name })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: `kontakt@${Math.random()}.example.org` })
    )
    .create()
  const [contact] = await Contact.query().where('organisation_id', organisation.id)
  return { organisation, contact }
}

test.group('Name change requested in the portal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the member asks, the board approves, and the organisation is renamed', async ({
    client,
    assert,
  }) => {
    const { organisation, contact } = await member()
    const ask = await client
      .post('/medlem/name-change')
      .form({ name: 'Netværket for Sociale Indsatser' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    ask.assertFlashMessage('success', 'Anmodningen er sendt til bestyrelsen.')
    await organisation.refresh()
    assert.equal(organisation.name, 'Det Sociale Netværk')

    const board = await UserFactory.apply('board').create()
    const page = await client.get(`/members/${organisation.id}`).loginAs(board)
    page.assertTextIncludes('Medlemmet har bedt om at hedde')
    const request = await NameChangeRequest.findByOrFail('organisation_id', organisation.id)

    const approve = await client
      .post(`/members/${organisation.id}/name-requests/${request.id}`)
      .form({ decision: 'approve' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    approve.assertFlashMessage('success', 'Navnet er ændret.')
    await organisation.refresh()
    await request.refresh()
    assert.equal(organisation.name, 'Netværket for Sociale Indsatser')
    assert.equal(request.status, 'approved')
    assert.equal(request.decidedBy, board.email)
    const event = await AuditEvent.query().where('action', 'organisation.updated').firstOrFail()
    assert.deepEqual(event.changes?.name, {
      from: 'Det Sociale Netværk',
      to: 'Netværket for Sociale Indsatser',
    })
  })

  test('the board may reject; a name another member holds cannot be approved', async ({
    client,
    assert,
  }) => {
    const { organisation, contact } = await member()
    await OrganisationFactory.merge({ name: 'Metodecentret' }).create()
    const board = await UserFactory.apply('board').create()
    await client
      .post('/medlem/name-change')
      .form({ name: 'Metodecentret' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
    const request = await NameChangeRequest.findByOrFail('organisation_id', organisation.id)

    const approve = await client
      .post(`/members/${organisation.id}/name-requests/${request.id}`)
      .form({ decision: 'approve' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    approve.assertFlashMessage(
      'error',
      'Der er allerede et medlem eller en ansøger med dette navn.'
    )

    await client
      .post(`/members/${organisation.id}/name-requests/${request.id}`)
      .form({ decision: 'reject' })
      .loginAs(board)
      .withCsrfToken()
    await request.refresh()
    await organisation.refresh()
    assert.equal(request.status, 'rejected')
    assert.equal(organisation.name, 'Det Sociale Netværk')
  })

  test('a request of another organisation is a 404 and the secretariat may not decide', async ({
    client,
  }) => {
    const one = await member('Alfa')
    const two = await member('Beta')
    await client
      .post('/medlem/name-change')
      .form({ name: 'Alfa Ny' })
      .withGuard('member')
      .loginAs(one.contact)
      .withCsrfToken()
    const request = await NameChangeRequest.findByOrFail('organisation_id', one.organisation.id)

    const board = await UserFactory.apply('board').create()
    const wrong = await client
      .post(`/members/${two.organisation.id}/name-requests/${request.id}`)
      .form({ decision: 'approve' })
      .loginAs(board)
      .withCsrfToken()
    wrong.assertStatus(404)

    const secretariat = await UserFactory.apply('secretariat').create()
    const refused = await client
      .post(`/members/${one.organisation.id}/name-requests/${request.id}`)
      .form({ decision: 'approve' })
      .loginAs(secretariat)
      .withCsrfToken()
    refused.assertStatus(403)
  })
})
