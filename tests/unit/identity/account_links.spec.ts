import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import queue from '@adonisjs/queue/services/main'
import UserToken from '#identity/models/user_token'
import AuditEvent from '#audit/models/audit_event'
import { RequestPasswordReset } from '#identity/actions/request_password_reset'
import { SendAccountLink } from '#identity/actions/send_account_link'
import { ResetPassword } from '#identity/actions/reset_password'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'
import { UserFactory } from '#database/factories/user_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import { generateToken, hashToken } from '#shared/tokens'
import { ChangePassword } from '#identity/actions/change_password'
import { TEST_PASSWORD } from '#database/factories/user_factory'

test.group('RequestPasswordReset', (group) => {
  let fakeQueue: ReturnType<typeof queue.fake>
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })

  test('queues a link for an active account, carrying only its id', async ({ assert }) => {
    const user = await UserFactory.create()
    const result = await new RequestPasswordReset().handle({
      email: user.email.toUpperCase(),
      ip: '127.0.0.1',
    })
    assert.equal(result.status, 'queued')
    fakeQueue.assertPushed(SendAccountLinkJob, {
      payload: { userId: user.id, purpose: 'password_reset' },
    })
    assert.exists(await AuditEvent.findBy('action', 'password.reset_requested'))
  })

  test('does nothing for an unknown or deactivated address', async ({ assert }) => {
    const inactive = await UserFactory.apply('inactive').create()
    assert.equal(
      (await new RequestPasswordReset().handle({ email: 'nobody@example.org', ip: null })).status,
      'unknown_address'
    )
    assert.equal(
      (await new RequestPasswordReset().handle({ email: inactive.email, ip: null })).status,
      'unknown_address'
    )
    fakeQueue.assertNothingPushed()
  })
})

test.group('SendAccountLink', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test("mails a single-use link in the person's language and stores only its hash", async ({
    assert,
  }) => {
    const user = await UserFactory.merge({ fullName: 'Søren Ærø' }).create()
    const result = await new SendAccountLink().handle({
      userId: user.id,
      purpose: 'password_reset',
    })
    assert.equal(result.status, 'sent')

    const message = await catcher.waitFor((m) => recipientsOf(m).includes(user.email))
    assert.equal(message.subject, 'Nulstil din adgangskode til Kreds')
    assert.include(message.text!, 'Kære Søren Ærø')
    const token = findLink(message, '/reset-password/').pathname.split('/').pop()!

    const rows = await UserToken.query().where('user_id', user.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].tokenHash, hashToken(token))
    assert.notInclude(JSON.stringify(rows[0].$attributes), token)
  })

  test('writes an English invitation to an English-speaking user', async ({ assert }) => {
    const user = await UserFactory.apply('invited', 'english').create()
    await new SendAccountLink().handle({ userId: user.id, purpose: 'invitation' })
    const message = await catcher.waitFor()
    assert.equal(message.subject, 'You are invited to Kreds')
    assert.include(message.text!, 'valid for 168 hours')
  })

  test('a new link makes the earlier one unusable', async ({ assert }) => {
    const user = await UserFactory.create()
    await new SendAccountLink().handle({ userId: user.id, purpose: 'password_reset' })
    await new SendAccountLink().handle({ userId: user.id, purpose: 'password_reset' })
    const rows = await UserToken.query().where('user_id', user.id).orderBy('id')
    assert.isNotNull(rows[0].usedAt)
    assert.isNull(rows[1].usedAt)
  })
})

test.group('ResetPassword', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  async function linkFor(userId: number, overrides: Partial<UserToken> = {}) {
    const token = generateToken()
    await UserToken.create({
      userId,
      purpose: 'password_reset',
      tokenHash: hashToken(token),
      expiresAt: DateTime.now().plus({ minutes: 30 }),
      ...overrides,
    })
    return token
  }

  test('sets the password, spends the link and logs it', async ({ assert }) => {
    const user = await UserFactory.create()
    const token = await linkFor(user.id)
    const result = await new ResetPassword().handle({
      token,
      password: 'a brand new password',
      ip: null,
    })
    assert.equal(result.status, 'reset')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, 'a brand new password'))
    assert.exists(await AuditEvent.findBy('action', 'password.reset'))

    const again = await new ResetPassword().handle({
      token,
      password: 'another new password',
      ip: null,
    })
    assert.equal(again.status, 'invalid_link')
  })

  test('refuses an expired link, a wrong token and a deactivated account', async ({ assert }) => {
    const user = await UserFactory.create()
    const expired = await linkFor(user.id, { expiresAt: DateTime.now().minus({ minutes: 1 }) })
    assert.equal(
      (await new ResetPassword().handle({ token: expired, password: 'x'.repeat(12), ip: null }))
        .status,
      'invalid_link'
    )
    assert.equal(
      (
        await new ResetPassword().handle({
          token: 'wrong-token-abcdefghijklmnop',
          password: 'x'.repeat(12),
          ip: null,
        })
      ).status,
      'invalid_link'
    )

    const inactive = await UserFactory.apply('inactive').create()
    const token = await linkFor(inactive.id)
    assert.equal(
      (await new ResetPassword().handle({ token, password: 'x'.repeat(12), ip: null })).status,
      'invalid_link'
    )
  })

  test('an accepted invitation is logged as such', async ({ assert }) => {
    const user = await UserFactory.apply('invited').create()
    const token = await linkFor(user.id, { purpose: 'invitation' })
    await new ResetPassword().handle({ token, password: 'my first password', ip: null })
    assert.exists(await AuditEvent.findBy('action', 'invitation.accepted'))
  })

  test('setting a password in any way spends every open link of the account', async ({
    assert,
  }) => {
    // Before, an invitation still open after a reset set yet another password.
    const invited = await UserFactory.apply('invited').create()
    const invitation = await linkFor(invited.id, {
      purpose: 'invitation',
      expiresAt: DateTime.now().plus({ days: 7 }),
    })
    const reset = await linkFor(invited.id)
    assert.equal(
      (await new ResetPassword().handle({ token: reset, password: 'chosen by reset', ip: null }))
        .status,
      'reset'
    )
    assert.equal(
      (
        await new ResetPassword().handle({
          token: invitation,
          password: 'chosen by the old invitation',
          ip: null,
        })
      ).status,
      'invalid_link'
    )

    const user = await UserFactory.create()
    await linkFor(user.id)
    await linkFor(user.id, { purpose: 'invitation' })
    await new ChangePassword().handle({
      user,
      currentPassword: TEST_PASSWORD,
      newPassword: 'changed on the account page',
      ip: null,
    })
    const open = await UserToken.query().where('user_id', user.id).whereNull('used_at')
    assert.lengthOf(open, 0)

    // Also when a password is set directly on the model (the users:create command does so).
    const other = await UserFactory.create()
    await linkFor(other.id)
    other.password = 'set by a command'
    await other.save()
    assert.lengthOf(await UserToken.query().where('user_id', other.id).whereNull('used_at'), 0)

    // Saving anything else leaves the links alone.
    const untouched = await UserFactory.create()
    await linkFor(untouched.id)
    untouched.fullName = 'Nyt Navn'
    await untouched.save()
    assert.lengthOf(await UserToken.query().where('user_id', untouched.id).whereNull('used_at'), 1)
  })
})
