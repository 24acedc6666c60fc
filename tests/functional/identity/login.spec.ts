import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

test.group('Login', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the login page is in Danish with labelled fields', async ({ client }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    response.assertTextIncludes('<h1>Log ind</h1>')
    response.assertTextIncludes('<label for="field-email">')
    response.assertTextIncludes('<label for="field-password">')
    response.assertTextIncludes('lang="da"')
  })

  test('the right password logs in and leads to the dashboard', async ({ client }) => {
    const user = await UserFactory.merge({ fullName: 'Anne Admin' }).apply('admin').create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')

    const dashboard = await client.get('/').loginAs(user)
    dashboard.assertStatus(200)
    dashboard.assertTextIncludes('Velkommen, Anne Admin')
    dashboard.assertTextIncludes('Medlemmer')
    dashboard.assertTextIncludes('Kontingent')
    dashboard.assertTextIncludes('Generalforsamlinger')
    dashboard.assertTextIncludes('Nyhedsbreve')
    dashboard.assertTextIncludes('Indstillinger')
  })

  test('a wrong password is refused with a Danish message and the address kept', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: 'not the password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('error', 'E-mail eller adgangskode er forkert.')
    response.assertFlashMessage('email', user.email)
  })

  test('a deactivated account cannot log in', async ({ client }) => {
    const user = await UserFactory.apply('inactive').create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'E-mail eller adgangskode er forkert.')
  })

  test('empty fields come back with errors next to them', async ({ client }) => {
    const response = await client
      .post('/login')
      .form({ email: '', password: '' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['Skal udfyldes.'],
      password: ['Skal udfyldes.'],
    })
  })

  test('a POST without the CSRF token is refused and logs nobody in', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: TEST_PASSWORD })
      .redirects(0)
    response.assertStatus(403)
    response.assertTextIncludes('Formularen er udløbet')

    const dashboard = await client.get('/').redirects(0)
    dashboard.assertStatus(302)
    dashboard.assertHeader('location', '/login')
  })

  test('too many attempts for one address get 429', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await client
        .post('/login')
        .form({ email: user.email, password: 'guess ' + attempt })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
    }
    const blocked = await client
      .post('/login')
      .form({ email: user.email, password: TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertStatus(429)
    blocked.assertTextIncludes('For mange forsøg')
    assert.isAbove(Number(blocked.header('retry-after')), 0)
  })

  test('an account deactivated while logged in loses access at the next request', async ({
    client,
  }) => {
    const user = await UserFactory.apply('inactive').create()
    const response = await client.get('/').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('logging out ends the session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('success', 'Du er logget ud.')
  })

  test('a logged-in user is sent from /login to the dashboard', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get('/login').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })

  test('a visitor is sent to /login from staff pages', async ({ client }) => {
    const response = await client.get('/settings').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
