import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { SubscriberFactory } from '#database/factories/newsletter_factory'

test.group('Editing a subscriber', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the secretariat corrects the name and address; the change is logged', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const reader = await SubscriberFactory.merge({ email: 'ida@exmaple.org', name: 'Ida' }).create()
    const form = await client.get(`/newsletters/subscribers/${reader.id}/edit`).loginAs(secretariat)
    form.assertStatus(200)

    const response = await client
      .put(`/newsletters/subscribers/${reader.id}`)
      .form({ email: ' Ida@Example.org ', name: 'Ida Holm' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Abonnenten er gemt.')
    await reader.refresh()
    assert.equal(reader.email, 'ida@example.org')
    assert.equal(reader.name, 'Ida Holm')
    const event = await AuditEvent.findByOrFail('action', 'subscriber.updated')
    assert.deepEqual(event.changes, {
      email: { from: 'ida@exmaple.org', to: 'ida@example.org' },
      name: { from: 'Ida', to: 'Ida Holm' },
    })
  })

  test('an address another reader has is refused and named; bad input changes nothing', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await SubscriberFactory.merge({ email: 'bo@example.org' }).create()
    const reader = await SubscriberFactory.merge({ email: 'ida@example.org' }).create()
    const taken = await client
      .put(`/newsletters/subscribers/${reader.id}`)
      .form({ email: 'bo@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    taken.assertFlashMessage('inputErrorsBag', {
      email: ['En anden abonnent har allerede den adresse.'],
    })
    const invalid = await client
      .put(`/newsletters/subscribers/${reader.id}`)
      .form({ email: 'ikke en adresse' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    invalid.assertStatus(302)
    await reader.refresh()
    assert.equal(reader.email, 'ida@example.org')
    assert.isNull(await Subscriber.findBy('email', 'ikke en adresse'))
  })

  test('the board may read but not edit', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const reader = await SubscriberFactory.create()
    ;(await client.get(`/newsletters/subscribers/${reader.id}/edit`).loginAs(board)).assertStatus(
      403
    )
    const put = await client
      .put(`/newsletters/subscribers/${reader.id}`)
      .form({ email: 'x@example.org' })
      .loginAs(board)
      .withCsrfToken()
    put.assertStatus(403)
  })
})
