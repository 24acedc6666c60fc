import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import queue from '@adonisjs/queue/services/main'
import User from '#identity/models/user'
import AuditEvent from '#audit/models/audit_event'
import { CreateStaffUser } from '#identity/actions/create_staff_user'
import { InviteStaffUser } from '#identity/actions/invite_staff_user'
import { UpdateStaffUser } from '#identity/actions/update_staff_user'
import { ResendStaffInvitation } from '#identity/actions/resend_staff_invitation'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'

let fakeQueue: ReturnType<typeof queue.fake>

test.group('CreateStaffUser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('creates an account with a hashed password and logs it', async ({ assert }) => {
    const result = await new CreateStaffUser().handle(
      {
        fullName: 'Anna Admin',
        email: ' Anna@Example.org ',
        role: 'admin',
        password: 'a long password',
      },
      Actors.system('users:create')
    )
    assert.equal(result.status, 'created')
    const user = await User.findByOrFail('email', 'anna@example.org')
    assert.notEqual(user.password, 'a long password')
    assert.isTrue(await hash.verify(user.password!, 'a long password'))
    const event = await AuditEvent.findByOrFail('action', 'user.created')
    assert.equal(event.actorLabel, 'users:create')
    assert.equal(event.subjectId, String(user.id))
  })

  test('refuses an e-mail that is taken, whatever its case', async ({ assert }) => {
    await UserFactory.merge({ email: 'anna@example.org' }).create()
    const result = await new CreateStaffUser().handle(
      { fullName: 'Anna', email: 'ANNA@example.org', role: 'board', password: 'a long password' },
      Actors.system('test')
    )
    assert.equal(result.status, 'email_taken')
    assert.lengthOf(await User.all(), 1)
  })
})

test.group('InviteStaffUser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })

  test('creates the account without a password and queues the invitation by id', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const result = await new InviteStaffUser().handle(
      { fullName: 'Bo Board', email: 'bo@example.org', role: 'board', locale: 'da' },
      Actors.user(admin)
    )
    assert.equal(result.status, 'created')
    const invited = await User.findByOrFail('email', 'bo@example.org')
    assert.isNull(invited.password)
    fakeQueue.assertPushed(SendAccountLinkJob, {
      payload: { userId: invited.id, purpose: 'invitation' },
    })
    assert.exists(await AuditEvent.findBy('action', 'user.invited'))
  })
})

test.group('UpdateStaffUser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('changes role and activity and logs the difference', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const target = await UserFactory.apply('board').create()
    const result = await new UpdateStaffUser().handle(
      { userId: target.id, fullName: target.fullName, role: 'treasurer', isActive: false },
      Actors.user(admin)
    )
    assert.equal(result.status, 'updated')
    await target.refresh()
    assert.equal(target.role, 'treasurer')
    assert.isFalse(target.isActive)
    const event = await AuditEvent.findByOrFail('action', 'user.updated')
    assert.deepEqual(event.changes, {
      role: { from: 'board', to: 'treasurer' },
      isActive: { from: true, to: false },
    })
  })

  test('an unchanged form writes nothing', async ({ assert }) => {
    const target = await UserFactory.create()
    const result = await new UpdateStaffUser().handle(
      { userId: target.id, fullName: target.fullName, role: target.role, isActive: true },
      Actors.system('test')
    )
    assert.equal(result.status, 'unchanged')
    assert.lengthOf(await AuditEvent.all(), 0)
  })
})

test.group('ResendStaffInvitation', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })

  test('queues a new link for someone who has not chosen a password', async ({ assert }) => {
    const invited = await UserFactory.apply('invited').create()
    const result = await new ResendStaffInvitation().handle(invited, Actors.system('test'))
    assert.equal(result.status, 'sent')
    fakeQueue.assertPushed(SendAccountLinkJob, {
      payload: { userId: invited.id, purpose: 'invitation' },
    })
  })

  test('does nothing for an account already in use', async ({ assert }) => {
    const active = await UserFactory.create()
    const result = await new ResendStaffInvitation().handle(active, Actors.system('test'))
    assert.equal(result.status, 'already_active')
    fakeQueue.assertNothingPushed()
  })
})
