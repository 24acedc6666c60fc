import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { startMailCatcher } from '#tests/helpers/mail_catcher'

/*
| The app trusts X-Forwarded-For from a proxy on this machine only, and the
| test client is on this machine: the header stands for the visitor's IP.
*/

function logIn(client: ApiClient, ip: string, email: string, password: string) {
  return client
    .post('/login')
    .header('x-forwarded-for', ip)
    .form({ email, password })
    .withCsrfToken()
    .redirects(0)
}

/** What a refused login may not leave behind: a login time or an audit event. */
async function loginTraces() {
  const users = await User.query().whereNotNull('last_login_at')
  const events = await db.from('audit_events').where('action', 'user.logged_in')
  return { loggedIn: users.map((user) => user.id), events: events.length }
}

test.group('Login limits', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one IP trying a password on every account is stopped after 30 attempts', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let index = 1; index <= 30; index++) {
      ;(
        await logIn(client, '198.51.100.1', `konto${index}@example.org`, 'Sommer2024')
      ).assertStatus(302)
    }
    const before = await loginTraces()
    const blocked = await logIn(client, '198.51.100.1', user.email, TEST_PASSWORD)
    blocked.assertStatus(429)
    blocked.assertTextIncludes('For mange forsøg')
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    assert.deepEqual(await loginTraces(), before)

    // Another client is not held up by it.
    const elsewhere = await logIn(client, '198.51.100.2', user.email, TEST_PASSWORD)
    elsewhere.assertStatus(302)
    elsewhere.assertHeader('location', '/')
  })

  test('many IPs guessing one account are stopped after 10 failures, right password or not', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    for (let index = 1; index <= 10; index++) {
      ;(await logIn(client, `203.0.113.${index}`, user.email, `gæt ${index}`)).assertStatus(302)
    }
    const before = await loginTraces()
    // The address as typed differently is the same account.
    const blocked = await logIn(
      client,
      '203.0.113.99',
      ` ${user.email.toUpperCase()} `,
      TEST_PASSWORD
    )
    blocked.assertStatus(429)
    blocked.assertTextIncludes('For mange forsøg')
    assert.deepEqual(await loginTraces(), before)

    ;(await logIn(client, '203.0.113.99', other.email, TEST_PASSWORD)).assertStatus(302)
    assert.include((await loginTraces()).loggedIn, other.id)
  })

  test('an unknown address is limited the same way, so a block says nothing about accounts', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const blockedAnswers: string[] = []
    for (const email of [user.email, 'ingen@example.org']) {
      for (let index = 1; index <= 10; index++) {
        ;(await logIn(client, `192.0.2.${index}`, email, `gæt ${index}`)).assertStatus(302)
      }
      const blocked = await logIn(client, '192.0.2.200', email, 'et gæt mere')
      blocked.assertStatus(429)
      blockedAnswers.push(blocked.text())
    }
    const [known, unknown] = blockedAnswers
    assert.equal(known, unknown)
  })

  test('a successful login clears the account’s failures', async ({ client }) => {
    const user = await UserFactory.create()
    for (let round = 1; round <= 2; round++) {
      for (let index = 1; index <= 9; index++) {
        const ip = `198.51.100.${round * 20 + index}`
        ;(await logIn(client, ip, user.email, `gæt ${index}`)).assertStatus(302)
      }
      const success = await logIn(
        client,
        `198.51.100.${round * 20 + 10}`,
        user.email,
        TEST_PASSWORD
      )
      success.assertHeader('location', '/')
    }
  })

  test('a burst of simultaneous guesses gets no more than 10 checked', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        logIn(client, `203.0.113.${100 + index}`, user.email, `gæt ${index}`)
      )
    )
    const statuses = answers.map((answer) => answer.status())
    assert.equal(statuses.filter((status) => status === 302).length, 10)
    assert.equal(statuses.filter((status) => status === 429).length, 6)
  })
})

test.group('Reset-link limits', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    const catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('many IPs asking for one address’s reset link get three an hour', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const ask = (ip: string, email: string) =>
      client
        .post('/forgot-password')
        .header('x-forwarded-for', ip)
        .form({ email })
        .withCsrfToken()
        .redirects(0)
    const requested = () =>
      db.from('audit_events').where('action', 'password.reset_requested').count('* as total')
    for (let index = 1; index <= 3; index++) {
      ;(await ask(`198.51.100.${index}`, user.email)).assertStatus(302)
    }
    const [before] = await requested()
    const blocked = await ask('198.51.100.9', ` ${user.email.toUpperCase()}`)
    blocked.assertStatus(429)
    blocked.assertTextIncludes('For mange forsøg')
    const [after] = await requested()
    assert.equal(Number(after.total), Number(before.total))
    assert.equal(Number(before.total), 3)

    // Another address from the same IP still gets its link.
    ;(await ask('198.51.100.9', 'en-anden@example.org')).assertStatus(302)
  })
})
