import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import User from '#identity/models/user'
import AuditEvent from '#audit/models/audit_event'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'

/*
| These run the command as its own process against the test database, so
| they cannot use a test transaction: each removes what it created.
*/
test.group('node ace users:create', (group) => {
  commandLayerOnce(group)
  const email = 'first.admin@example.org'
  group.each.teardown(async () => {
    const user = await User.findBy('email', email)
    if (!user) return
    await AuditEvent.query()
      .where('subject_type', 'user')
      .where('subject_id', String(user.id))
      .delete()
    await user.delete()
  })

  test('creates the first admin with a password read from standard input', async ({ assert }) => {
    const result = await runAce(
      [
        'users:create',
        '--email',
        'First.Admin@example.org',
        '--role',
        'admin',
        '--name',
        'Første Admin',
      ],
      {
        input: 'a very good password\n',
      }
    )
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.include(result.stdout, `Created admin account ${email}`)

    const user = await User.findByOrFail('email', email)
    assert.equal(user.role, 'admin')
    assert.equal(user.fullName, 'Første Admin')
    assert.isTrue(await hash.verify(user.password!, 'a very good password'))
    const event = await AuditEvent.findByOrFail('subject_id', String(user.id))
    assert.equal(event.actorLabel, 'users:create')
  })

  test('refuses an unknown role, a bad address and a short password, creating nothing', async ({
    assert,
  }) => {
    const badRole = await runAce(['users:create', '--email', email, '--role', 'owner'], {
      input: 'a very good password\n',
    })
    assert.equal(badRole.code, 1)
    assert.include(badRole.stdout + badRole.stderr, 'Unknown role "owner"')

    const badEmail = await runAce(['users:create', '--email', 'not-an-email', '--role', 'admin'], {
      input: 'a very good password\n',
    })
    assert.equal(badEmail.code, 1)
    assert.include(badEmail.stdout + badEmail.stderr, 'Not a valid e-mail address')

    const shortPassword = await runAce(['users:create', '--email', email, '--role', 'admin'], {
      input: 'short\n',
    })
    assert.equal(shortPassword.code, 1)
    assert.include(shortPassword.stdout + shortPassword.stderr, 'at least 10 characters')
    assert.isNull(await User.findBy('email', email))
  })

  test('refuses an address that already has an account', async ({ assert }) => {
    await runAce(['users:create', '--email', email, '--role', 'board'], {
      input: 'a very good password\n',
    })
    const again = await runAce(['users:create', '--email', email, '--role', 'admin'], {
      input: 'another good password\n',
    })
    assert.equal(again.code, 1)
    assert.include(again.stdout + again.stderr, 'already exists')
    assert.equal((await User.findByOrFail('email', email)).role, 'board')
  })
})
