import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'

async function reader() {
  const list = await NewsletterListFactory.merge({ name: 'Medlemsnyt' }).create()
  const subscriber = await SubscriberFactory.merge({
    email: 'ida@example.org',
    name: 'Ida',
  }).create()
  await subscribeTo(subscriber, list)
  return subscriber
}

test.group('The confirmation before a subscriber is erased', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('says what goes; only the typed SLET erases, once', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const subscriber = await reader()
    const url = `/newsletters/subscribers/${subscriber.id}/erasure`

    const page = await client.get(url).loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes('Sletter ida@example.org for altid')
    page.assertTextIncludes('Medlemsnyt: aktiv')
    page.assertTextIncludes('Det kan ikke fortrydes.')
    const profile = await client
      .get(`/newsletters/subscribers/${subscriber.id}`)
      .loginAs(secretariat)
    profile.assertTextIncludes(`href="${url}"`)

    const erase = (form: Record<string, string>) =>
      client.post(url).form(form).loginAs(secretariat).withCsrfToken().redirects(0)
    const attempts: Record<string, string>[] = [{}, { confirmation: 'ja' }, { confirmation: 'LUK' }]
    for (const form of attempts) {
      const refused = await erase(form)
      refused.assertHeader('location', url)
      refused.assertFlashMessage('inputErrorsBag', {
        confirmation: ['Skriv SLET i feltet for at slette abonnenten.'],
      })
    }
    await subscriber.refresh()
    assert.equal(subscriber.email, 'ida@example.org')
    assert.isNull(subscriber.erasedAt)

    const erased = await erase({ confirmation: 'slet' })
    erased.assertFlashMessage('success', 'Abonnentens data er slettet.')
    await subscriber.refresh()
    assert.isNull(subscriber.email)
    assert.isNotNull(subscriber.erasedAt)
    // Sent again (the back button): nothing left to erase, nothing more written.
    ;(await erase({ confirmation: 'SLET' })).assertStatus(404)
    ;(await client.get(url).loginAs(secretariat)).assertStatus(404)
    assert.lengthOf(await AuditEvent.query().where('action', 'subscriber.erased'), 1)
  })

  test('the board may not erase nor see the page; no CSRF token erases nothing', async ({
    client,
    assert,
  }) => {
    const subscriber = await reader()
    const url = `/newsletters/subscribers/${subscriber.id}/erasure`
    const board = await UserFactory.apply('board').create()
    ;(await client.get(url).loginAs(board)).assertStatus(403)
    const secretariat = await UserFactory.apply('secretariat').create()
    await client.post(url).form({ confirmation: 'SLET' }).loginAs(secretariat).redirects(0)
    await subscriber.refresh()
    assert.equal(subscriber.email, 'ida@example.org')
  })
})
