import { test } from '@japa/runner'
import env from '#start/env'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import User from '#identity/models/user'
import AuditEvent from '#audit/models/audit_event'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

test.group('Own account', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('shows the profile', async ({ client }) => {
    const user = await UserFactory.apply('treasurer').merge({ fullName: 'Karen Kasserer' }).create()
    const response = await client.get('/account').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('Karen Kasserer')
    response.assertTextIncludes('Kasserer')
  })

  test('changes the password when the current one is given', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/account/password')
      .form({
        current_password: TEST_PASSWORD,
        password: 'my new password',
        password_confirmation: 'my new password',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Din adgangskode er skiftet.')
    assert.isTrue(await hash.verify((await User.findOrFail(user.id)).password!, 'my new password'))
    assert.exists(await AuditEvent.findBy('action', 'password.changed'))
  })

  test('a wrong current password or a short new one changes nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const wrong = await client
      .put('/account/password')
      .form({
        current_password: 'wrong',
        password: 'my new password',
        password_confirmation: 'my new password',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', {
      current_password: ['Den nuværende adgangskode er forkert.'],
    })

    const short = await client
      .put('/account/password')
      .form({ current_password: TEST_PASSWORD, password: 'short', password_confirmation: 'short' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    short.assertFlashMessage('inputErrorsBag', {
      password: ['Adgangskoden skal være mindst 10 tegn.'],
    })
    assert.isTrue(await hash.verify((await User.findOrFail(user.id)).password!, TEST_PASSWORD))
  })
})

test.group('Language', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a visitor switches to English with a cookie', async ({ client }) => {
    const response = await client
      .post('/locale')
      .form({ locale: 'en' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertCookie('kreds-locale', 'en')

    const page = await client.get('/login').withCookie('kreds-locale', 'en')
    page.assertTextIncludes('<h1>Log in</h1>')
    page.assertTextIncludes('lang="en"')
  })

  test('a staff user keeps the choice on the account, and it is logged', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client.post('/locale').form({ locale: 'en' }).loginAs(user).withCsrfToken().redirects(0)
    assert.equal((await User.findOrFail(user.id)).locale, 'en')
    assert.exists(await AuditEvent.findBy('action', 'user.locale_changed'))

    const dashboard = await client.get('/').loginAs(await User.findOrFail(user.id))
    dashboard.assertTextIncludes('Members')
    dashboard.assertTextIncludes('Log out')
  })

  test('after switching, the visitor is taken back to the page they were on, never off the site', async ({
    client,
  }) => {
    const back = await client
      .post('/locale')
      .form({ locale: 'en' })
      .header('referer', `${env.get('APP_URL')}/forgot-password`)
      .withCsrfToken()
      .redirects(0)
    back.assertHeader('location', '/forgot-password')

    const elsewhere = await client
      .post('/locale')
      .form({ locale: 'en' })
      .header('referer', 'https://evil.example.com/phish')
      .withCsrfToken()
      .redirects(0)
    elsewhere.assertHeader('location', '/')
  })

  test('an unknown language is refused', async ({ client }) => {
    const response = await client
      .post('/locale')
      .form({ locale: 'sv' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { locale: ['Vælg en af mulighederne.'] })
  })
})
