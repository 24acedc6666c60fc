import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import AuditEvent from '#audit/models/audit_event'
import { LogIn } from '#identity/actions/log_in'
import { ChangePassword } from '#identity/actions/change_password'
import { ChangeLocale } from '#identity/actions/change_locale'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

test.group('LogIn', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('accepts the right password, records the time and logs it', async ({ assert }) => {
    const user = await UserFactory.create()
    const result = await new LogIn().handle({
      email: ` ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
      ip: '127.0.0.1',
    })
    assert.equal(result.status, 'ok')
    await user.refresh()
    assert.isNotNull(user.lastLoginAt)
    assert.exists(await AuditEvent.findBy('action', 'user.logged_in'))
  })

  test('refuses a wrong password, a deactivated account and an invited one', async ({ assert }) => {
    const user = await UserFactory.create()
    const inactive = await UserFactory.apply('inactive').create()
    const invited = await UserFactory.apply('invited').create()
    assert.equal(
      (await new LogIn().handle({ email: user.email, password: 'wrong password', ip: null }))
        .status,
      'invalid_credentials'
    )
    assert.equal(
      (await new LogIn().handle({ email: inactive.email, password: TEST_PASSWORD, ip: null }))
        .status,
      'invalid_credentials'
    )
    assert.equal(
      (await new LogIn().handle({ email: invited.email, password: '', ip: null })).status,
      'invalid_credentials'
    )
    assert.lengthOf(await AuditEvent.all(), 0)
  })
})

test.group('LogIn timing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every refusal costs one full password check, whether or not the account exists', async ({
    assert,
  }) => {
    // An invited account has no password; before, it was refused without any
    // hashing (15 ms against 52 ms), which told an attacker who was invited.
    const user = await UserFactory.create()
    const inactive = await UserFactory.apply('inactive').create()
    const invited = await UserFactory.apply('invited').create()
    const driver = hash.use()
    const verify = driver.verify.bind(driver)
    let checks = 0
    driver.verify = async (hashed: string, plain: string) => {
      checks++
      return verify(hashed, plain)
    }
    try {
      for (const email of [user.email, inactive.email, invited.email, 'nobody@example.org']) {
        checks = 0
        const result = await new LogIn().handle({ email, password: 'a wrong guess', ip: null })
        assert.equal(result.status, 'invalid_credentials', email)
        assert.equal(checks, 1, email)
      }
    } finally {
      driver.verify = verify
    }
  })
})

test.group('ChangePassword', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('needs the current password', async ({ assert }) => {
    const user = await UserFactory.create()
    const wrong = await new ChangePassword().handle({
      user,
      currentPassword: 'nope',
      newPassword: 'a new password!',
      ip: null,
    })
    assert.equal(wrong.status, 'wrong_current_password')

    const right = await new ChangePassword().handle({
      user,
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new password!',
      ip: null,
    })
    assert.equal(right.status, 'changed')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, 'a new password!'))
    assert.exists(await AuditEvent.findBy('action', 'password.changed'))
  })
})

test.group('ChangeLocale', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('saves the language on the account and logs the change once', async ({ assert }) => {
    const user = await UserFactory.create()
    assert.equal(
      (await new ChangeLocale().handle({ user, locale: 'en', ip: null })).status,
      'changed'
    )
    assert.equal(
      (await new ChangeLocale().handle({ user, locale: 'en', ip: null })).status,
      'unchanged'
    )
    await user.refresh()
    assert.equal(user.locale, 'en')
    assert.lengthOf(await AuditEvent.query().where('action', 'user.locale_changed'), 1)
  })
})
