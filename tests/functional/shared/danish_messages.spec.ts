import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

/*
 * What the framework says (a login needed, a bad form, a stale form, a 404)
 * reaches the reader in Danish, or in English when they chose it, never in
 * the framework's own English.
 */
const FRAMEWORK_ENGLISH = [
  'Unauthorized access',
  'Invalid user credentials',
  'Invalid or expired CSRF token',
  'Too many requests',
  'The {{ field }}',
  'field must be',
  'is required',
]

function assertNoFrameworkEnglish(assert: { notInclude: Function }, text: string) {
  for (const phrase of FRAMEWORK_ENGLISH) assert.notInclude(text, phrase)
}

test.group('Framework messages in Danish', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a staff page asks for a login in Danish, not "Unauthorized access"', async ({
    client,
    assert,
  }) => {
    for (const path of ['/members', '/dues', '/newsletters']) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      assert.match(response.header('location') ?? '', /^\/login/)
      response.assertFlashMessage('error', 'Log ind for at se siden.')
      assertNoFrameworkEnglish(assert, JSON.stringify(response.flashMessages()))
    }
  })

  test('the member portal asks for a login in Danish', async ({ client }) => {
    const response = await client.get('/medlem/generalforsamlinger').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/medlem')
    response.assertFlashMessage('error', 'Log ind for at se siden.')
  })

  test('an English reader is asked in English', async ({ client }) => {
    const response = await client.get('/members').withCookie('kreds-locale', 'en').redirects(0)
    response.assertFlashMessage('error', 'Log in to see this page.')
  })

  test('the login page shows the message it was sent with', async ({ client, assert }) => {
    const response = await client
      .get('/login')
      .withFlashMessages({ error: 'Log ind for at se siden.' })
    response.assertStatus(200)
    response.assertTextIncludes('Log ind for at se siden.')
    assertNoFrameworkEnglish(assert, response.text())
  })

  test('validation messages of a refused form are Danish', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .post('/members')
      .loginAs(board)
      .withCsrfToken()
      .form({ name: 'X', type: 'ingen', contact_email: 'ikke en adresse', website: 'ikke//en' })
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.deepEqual(errors.name, ['Skal være mindst 2 tegn.'])
    assert.deepEqual(errors.type, ['Vælg en af mulighederne.'])
    assert.deepEqual(errors.contact_email, ['Skal være en gyldig e-mailadresse.'])
    assert.deepEqual(errors.status, ['Skal udfyldes.'])
    assertNoFrameworkEnglish(assert, JSON.stringify(errors))
  })

  test('a form posted without its token is refused in Danish', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client.post('/members').loginAs(board).form({ name: 'Alfa' })
    response.assertStatus(403)
    response.assertTextIncludes('Formularen er udløbet')
    assertNoFrameworkEnglish(assert, response.text())
  })

  test('an unknown page and a missing record are Danish 404s', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    for (const path of ['/findes-ikke', '/members/999999']) {
      const response = await client.get(path).loginAs(board)
      response.assertStatus(404)
      response.assertTextIncludes('Siden findes ikke')
      assertNoFrameworkEnglish(assert, response.text())
    }
  })

  test('a blocked login is answered in Danish, or in English to an English reader', async ({
    client,
    assert,
  }) => {
    for (const [locale, expected] of [
      ['da', 'For mange forsøg. Vent'],
      ['en', 'Too many attempts. Wait'],
    ] as const) {
      const email = `blokeret-${locale}@example.org`
      const attempt = (ip: string) =>
        client
          .post('/login')
          .header('x-forwarded-for', ip)
          .withCookie('kreds-locale', locale)
          .form({ email, password: 'et gæt' })
          .withCsrfToken()
          .redirects(0)
      for (let index = 1; index <= 10; index++)
        (await attempt(`192.0.2.${index}`)).assertStatus(302)
      const blocked = await attempt('192.0.2.250')
      blocked.assertStatus(429)
      blocked.assertTextIncludes(expected)
      assertNoFrameworkEnglish(assert, blocked.text())
    }
  })

  test('a stale form is explained in English to an English reader', async ({ client }) => {
    const board = await UserFactory.apply('board').merge({ locale: 'en' }).create()
    // Choosing English sets the cookie too, which is all a refusal before the login is read can see.
    const response = await client
      .post('/members')
      .loginAs(board)
      .withCookie('kreds-locale', 'en')
      .form({ name: 'Alfa' })
    response.assertStatus(403)
    response.assertTextIncludes('The form has expired or did not come from Kreds')
  })
})
