import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import User from '#identity/models/user'
import { UserFactory } from '#database/factories/user_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

test.group('Password reset by e-mail link', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the link arrives by SMTP, sets a new password once and logs the person in', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ fullName: 'Birthe Bestyrelse' }).create()

    const request = await client
      .post('/forgot-password')
      .form({ email: user.email })
      .withCsrfToken()
      .redirects(0)
    request.assertStatus(302)
    request.assertHeader('location', '/login')
    request.assertFlashMessage(
      'success',
      'Hvis adressen hører til en bruger, er der nu sendt et link. Det gælder i 60 minutter.'
    )

    const message = await catcher.waitFor((m) => recipientsOf(m).includes(user.email))
    assert.equal(message.subject, 'Nulstil din adgangskode til Kreds')
    assert.deepEqual(message.from?.value, [{ address: 'sekretariat@example.org', name: 'Kreds' }])
    assert.include(message.html as string, 'Vælg ny adgangskode')
    const link = findLink(message, '/reset-password/')

    const page = await client.get(link.pathname)
    page.assertStatus(200)
    page.assertTextIncludes('Vælg ny adgangskode')
    page.assertTextIncludes(user.email)

    const mismatch = await client
      .post(link.pathname)
      .form({ password: 'a fresh password', password_confirmation: 'something else' })
      .withCsrfToken()
      .redirects(0)
    mismatch.assertFlashMessage('inputErrorsBag', {
      password_confirmation: ['De to adgangskoder er ikke ens.'],
    })

    const reset = await client
      .post(link.pathname)
      .form({ password: 'a fresh password', password_confirmation: 'a fresh password' })
      .withCsrfToken()
      .redirects(0)
    reset.assertStatus(302)
    reset.assertHeader('location', '/')
    reset.assertFlashMessage('success', 'Din adgangskode er gemt. Du er nu logget ind.')
    const updated = await User.findOrFail(user.id)
    assert.isTrue(await hash.verify(updated.password!, 'a fresh password'))

    const reused = await client
      .post(link.pathname)
      .form({ password: 'yet another one', password_confirmation: 'yet another one' })
      .withCsrfToken()
      .redirects(0)
    reused.assertHeader('location', '/forgot-password')
    reused.assertFlashMessage(
      'error',
      'Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt.'
    )
    const page2 = await client.get(link.pathname)
    page2.assertTextIncludes('Linket er ugyldigt')
  })

  test('an unknown address gets the same answer and no mail', async ({ client, assert }) => {
    const response = await client
      .post('/forgot-password')
      .form({ email: 'nobody@example.org' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Hvis adressen hører til en bruger, er der nu sendt et link. Det gælder i 60 minutter.'
    )
    // Jobs run inline here (QUEUE_DRIVER=sync) and the catcher holds a message before it
    // accepts it: once the request has been answered, every mail there will be has arrived.
    assert.lengthOf(catcher.messages, 0)
  })

  test('a malformed address is refused next to the field', async ({ client }) => {
    const response = await client
      .post('/forgot-password')
      .form({ email: 'not-an-address' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { email: ['Skal være en gyldig e-mailadresse.'] })
  })

  test('a made-up token shows that the link is invalid', async ({ client }) => {
    const response = await client.get('/reset-password/made-up-token-1234567890')
    response.assertStatus(200)
    response.assertTextIncludes('Linket er ugyldigt, allerede brugt eller udløbet')
  })
})
