import { test } from '@japa/runner'
import { startAppServer, type AppServer } from '#tests/helpers/app_server'
import { CookieJar } from '#tests/helpers/cookie_jar'
import { redisMissing, redisSkipReason, requireRedis } from '#tests/helpers/services'

const PASSWORD = 'kreds-demo'

const isLoggedIn = async (jar: CookieJar) => (await jar.get('/account')).status === 200

/**
 * Sessions as production keeps them (the database store), against a server
 * of its own: several browsers per person, cookies copied as a thief would.
 */
test.group('Sessions that can be ended', (group) => {
  let server: AppServer
  group.setup(async () => {
    server = await startAppServer('sessions_e2e')
    return () => server.stop()
  })
  group.each.timeout(60_000)

  const sessionsOf = async (tag: string) =>
    (
      await server.query<{ total: number }>(
        'SELECT COUNT(*) AS total FROM sessions WHERE user_id = ?',
        [tag]
      )
    )[0].total

  test('a visitor who is not logged in costs the sessions table nothing; a login is a row', async ({
    assert,
  }) => {
    const rows = async () =>
      (await server.query<{ total: number }>('SELECT COUNT(*) AS total FROM sessions'))[0].total
    const before = await rows()
    for (let visit = 0; visit < 5; visit++) await new CookieJar(server.base).get('/login')
    const guest = new CookieJar(server.base)
    await guest.get('/bliv-medlem')
    await guest.get('/medlem')
    assert.equal(await rows(), before)

    await guest.logIn('board@example.org', PASSWORD)
    assert.equal(await rows(), before + 1)
  })

  test('a login gives the session a new id; the id the visitor came with opens nothing', async ({
    assert,
  }) => {
    const browser = new CookieJar(server.base)
    await browser.get('/login')
    const before = browser.session
    assert.isString(before)
    await browser.logIn('board@example.org', PASSWORD)
    assert.notEqual(browser.session, before)

    const fixated = new CookieJar(server.base)
    fixated.session = before
    assert.isFalse(await isLoggedIn(fixated))
    assert.isTrue(await isLoggedIn(browser))
  })

  test('logging out ends the session on the server: a copy of its cookie opens nothing', async ({
    assert,
  }) => {
    const browser = new CookieJar(server.base)
    await browser.logIn('board@example.org', PASSWORD)
    const stolen = new CookieJar(server.base)
    stolen.session = browser.session
    assert.isTrue(await isLoggedIn(stolen))

    const open = await sessionsOf('staff:2')
    await browser.get('/account')
    const logout = await browser.post('/logout')
    assert.equal(logout.location, '/login')
    assert.isFalse(await isLoggedIn(stolen))
    assert.isFalse(await isLoggedIn(browser))
    assert.equal(await sessionsOf('staff:2'), open - 1)
  })

  test('a new password ends every other session; the browser that set it stays in under a new id', async ({
    assert,
  }) => {
    const laptop = new CookieJar(server.base)
    const phone = new CookieJar(server.base)
    await laptop.logIn('treasurer@example.org', PASSWORD)
    await phone.logIn('treasurer@example.org', PASSWORD)
    const laptopBefore = laptop.session
    assert.equal(await sessionsOf('staff:3'), 2)

    await laptop.get('/account')
    const changed = await laptop.post('/account/password?_method=PUT', {
      current_password: PASSWORD,
      password: 'et-nyt-kodeord-2026',
      password_confirmation: 'et-nyt-kodeord-2026',
    })
    assert.equal(changed.location, '/account')
    assert.isFalse(await isLoggedIn(phone))
    assert.isTrue(await isLoggedIn(laptop))
    assert.notEqual(laptop.session, laptopBefore)
    const copy = new CookieJar(server.base)
    copy.session = laptopBefore
    assert.isFalse(await isLoggedIn(copy))
    assert.equal(await sessionsOf('staff:3'), 1)
  })

  test('a user ends their other sessions from the account page', async ({ assert }) => {
    const office = new CookieJar(server.base)
    const home = new CookieJar(server.base)
    await office.logIn('admin@example.org', PASSWORD)
    await home.logIn('admin@example.org', PASSWORD)
    const page = await office.get('/account')
    assert.include(page.text, 'Denne browser')
    assert.equal((page.text.match(/<li>/g) ?? []).length >= 2, true)

    await office.post('/account/sessions?_method=DELETE')
    assert.isFalse(await isLoggedIn(home))
    assert.isTrue(await isLoggedIn(office))
  })

  test('an admin ends a user’s sessions, and so do a new role and a deactivation', async ({
    assert,
  }) => {
    const admin = new CookieJar(server.base)
    await admin.logIn('admin@example.org', PASSWORD)
    const user = new CookieJar(server.base)

    await user.logIn('secretariat@example.org', PASSWORD)
    await admin.get('/staff/4/edit')
    await admin.post('/staff/4/sessions?_method=DELETE')
    assert.isFalse(await isLoggedIn(user))

    await user.logIn('secretariat@example.org', PASSWORD)
    await admin.get('/staff/4/edit')
    await admin.post('/staff/4?_method=PUT', {
      full_name: 'Sofie Sekretariat',
      role: 'board',
      is_active: 'true',
    })
    assert.isFalse(await isLoggedIn(user))

    await user.logIn('secretariat@example.org', PASSWORD)
    await admin.get('/staff/4/edit')
    await admin.post('/staff/4?_method=PUT', { full_name: 'Sofie Sekretariat', role: 'board' })
    assert.isFalse(await isLoggedIn(user))
    await user.get('/login')
    const again = await user.post('/login', {
      email: 'secretariat@example.org',
      password: PASSWORD,
    })
    assert.equal(again.location, '/login')

    const reasons = await server.query<{ details: string }>(
      "SELECT details FROM audit_events WHERE action = 'user.sessions_ended' AND subject_id = '4' ORDER BY id"
    )
    assert.deepEqual(
      reasons.map((row) => JSON.parse(row.details).reason),
      ['ended_by_admin', 'role_changed', 'deactivated']
    )
  })

  test('a member contact’s logout ends the portal session on the server', async ({ assert }) => {
    const link = await server.ace(['members:login-link', 'kontakt@livsvaerk.example.org'])
    const url = /https?:\/\/\S+\/medlem\/login\/[A-Za-z0-9_-]+/.exec(link.stdout)?.[0]
    assert.isString(url, link.stdout + link.stderr)
    const path = new URL(url!).pathname

    const browser = new CookieJar(server.base)
    await browser.get(path)
    const login = await browser.post(path)
    assert.equal(login.location, '/medlem/organisation')
    const stolen = new CookieJar(server.base)
    stolen.session = browser.session
    assert.equal((await stolen.get('/medlem/organisation')).status, 200)

    await browser.get('/medlem/organisation')
    await browser.post('/medlem/logout')
    assert.equal((await stolen.get('/medlem/organisation')).location, '/medlem')
    const left = await server.query<{ total: number }>(
      "SELECT COUNT(*) AS total FROM sessions WHERE user_id LIKE 'contact:%'"
    )
    assert.equal(left[0].total, 0)
  })
})

test.group('Sessions on Redis (several web processes)', (group) => {
  let server: AppServer | null = null
  group.each.timeout(60_000)
  group.teardown(async () => {
    await server?.stop()
  })

  // Redis is optional here, and required in CI, where it must not be skipped.
  test('logout and a new password end sessions kept in Redis', async ({ assert }) => {
    await requireRedis()
    server = await startAppServer('sessions_redis', { SESSION_DRIVER: 'redis', REDIS_DB: '8' })
    const laptop = new CookieJar(server.base)
    const phone = new CookieJar(server.base)
    await laptop.logIn('board@example.org', PASSWORD)
    await phone.logIn('board@example.org', PASSWORD)
    const stolen = new CookieJar(server.base)
    stolen.session = phone.session

    await laptop.get('/account')
    await laptop.post('/account/password?_method=PUT', {
      current_password: PASSWORD,
      password: 'et-nyt-kodeord-2026',
      password_confirmation: 'et-nyt-kodeord-2026',
    })
    assert.isFalse(await isLoggedIn(phone))
    assert.isFalse(await isLoggedIn(stolen))
    assert.isTrue(await isLoggedIn(laptop))

    const copy = new CookieJar(server.base)
    copy.session = laptop.session
    await laptop.get('/account')
    await laptop.post('/logout')
    assert.isFalse(await isLoggedIn(copy))
  }).skip(redisMissing, redisSkipReason())
})
