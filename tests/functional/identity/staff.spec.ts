import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#identity/models/user'
import AuditEvent from '#audit/models/audit_event'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

test.group('Staff administration', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('an admin invites a treasurer, who sets a password from the mail and logs in', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/staff')
      .form({
        full_name: 'Karen Kasserer',
        email: 'Karen@Example.org',
        role: 'treasurer',
        locale: 'da',
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'karen@example.org er inviteret og har fået en mail med et link.'
    )

    const invited = await User.findByOrFail('email', 'karen@example.org')
    assert.equal(invited.role, 'treasurer')
    assert.isNull(invited.password)

    const message = await catcher.waitFor((m) => recipientsOf(m).includes('karen@example.org'))
    assert.equal(message.subject, 'Du er inviteret til Kreds')
    const link = findLink(message, '/reset-password/')
    const page = await client.get(link.pathname)
    page.assertTextIncludes('Velkommen til Kreds')

    await client
      .post(link.pathname)
      .form({ password: 'treasurer password', password_confirmation: 'treasurer password' })
      .withCsrfToken()
    const login = await client
      .post('/login')
      .form({ email: 'karen@example.org', password: 'treasurer password' })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/')
    assert.exists(await AuditEvent.findBy('action', 'invitation.accepted'))
  })

  test('a taken address is refused next to the field', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const existing = await UserFactory.create()
    const response = await client
      .post('/staff')
      .form({ full_name: 'Someone', email: existing.email, role: 'board', locale: 'da' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['Der findes allerede en bruger med denne e-mail.'],
    })
    assert.lengthOf(await User.all(), 2)
  })

  test('an unknown role is refused', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/staff')
      .form({ full_name: 'Someone', email: 'someone@example.org', role: 'owner', locale: 'da' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { role: ['Vælg en af mulighederne.'] })
  })

  test('an admin changes a role and deactivates an account, which then cannot log in', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const target = await UserFactory.apply('board').create()
    const page = await client.get(`/staff/${target.id}/edit`).loginAs(admin)
    page.assertStatus(200)

    await client
      .put(`/staff/${target.id}`)
      .form({ full_name: target.fullName, role: 'secretariat' })
      .loginAs(admin)
      .withCsrfToken()
    const updated = await User.findOrFail(target.id)
    assert.equal(updated.role, 'secretariat')
    assert.isFalse(updated.isActive)

    const login = await client
      .post('/login')
      .form({ email: target.email, password: TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertFlashMessage('error', 'E-mail eller adgangskode er forkert.')
  })

  test('an admin cannot edit their own account here', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get(`/staff/${admin.id}/edit`).loginAs(admin)
    response.assertStatus(403)
  })

  test('the invitation can be sent again to someone who has not started', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const invited = await UserFactory.apply('invited').create()
    await client.post(`/staff/${invited.id}/invitation`).loginAs(admin).withCsrfToken()
    const message = await catcher.waitFor((m) => recipientsOf(m).includes(invited.email))
    findLink(message, '/reset-password/')
  })
})
