import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import type User from '#identity/models/user'
import { UserFactory } from '#database/factories/user_factory'
import { readerToken } from '#newsletters/reader_links'
import { appRoutes, fillPattern, STATE_CHANGING, type AppRoute } from '#tests/helpers/routes'
import { createRouteRecords, paramsFor, type RouteRecords } from '#tests/helpers/route_records'
import { changedTables, databaseFingerprint } from '#tests/helpers/db_fingerprint'
import { recipientsOf, startMailCatcher } from '#tests/helpers/mail_catcher'

/**
 * The only state-changing routes that take a request without a CSRF token
 * (config/shield.ts, exceptRoutes), and what protects each instead. A route
 * added here, or one that starts answering without a token, fails a test.
 */
const EXCEPTIONS: Record<string, string> = {
  'POST /u/:token': 'RFC 8058 one-click unsubscribe: the signed reader token',
  'POST /nyhedsbrev/:slug/indlejret':
    'the embedded form: double opt-in, nothing active unconfirmed',
  'POST /webhooks/mail-events': 'mail servers: the MAIL_EVENTS_SECRET bearer token',
}

/** What the error handler says when Shield refuses a token (errors.form_expired). */
const CSRF_REFUSAL = 'Formularen er udløbet'

const key = (route: AppRoute) => `${route.method} ${route.pattern}`

function stateChangingRoutes() {
  return appRoutes().filter((route) => STATE_CHANGING.has(route.method))
}

type Visitors = { records: RouteRecords; admin: User }

/**
 * The route as the visitor it is meant for sends it: an admin on staff
 * routes, the organisation's contact on portal routes, a guest elsewhere;
 * with no CSRF token at all, or with the given secret in its session and
 * the given token in the header.
 */
function send(client: ApiClient, route: AppRoute, visitors: Visitors, csrf: CsrfPair | null) {
  const path = fillPattern(route.pattern, paramsFor(route, visitors.records))
  let request = client.request(path, route.method as 'POST').redirects(0)
  if (route.middleware.includes('auth')) request = request.loginAs(visitors.admin)
  else if (route.middleware.includes('member'))
    request = request.withGuard('member').loginAs(visitors.records.contact)
  if (csrf)
    request = request.withSession({ 'csrf-secret': csrf.secret }).header('x-csrf-token', csrf.token)
  return request
}

type CsrfPair = { secret: string; token: string }

/** A session's CSRF secret and the token its login form carries, as a browser gets them. */
async function csrfOfNewSession(client: ApiClient): Promise<CsrfPair> {
  const page = await client.get('/login')
  const token = /name=['"]_csrf['"][^>]*value=['"]([^'"]+)/.exec(page.text())?.[1]
  const secret = page.session('csrf-secret') as string | undefined
  if (!token || !secret) throw new Error('The login page gave no CSRF token')
  return { secret, token }
}

test.group('CSRF: every state-changing route from the router', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('without a token, or with another session’s, each is refused and nothing changes', async ({
    client,
    assert,
  }) => {
    const routes = stateChangingRoutes().filter((route) => !(key(route) in EXCEPTIONS))
    assert.isAbove(routes.length, 80)
    // Transmit's own routes are checked like the app's (they have no exception either).
    assert.includeMembers(routes.map(key), [
      'POST /__transmit/subscribe',
      'POST /__transmit/unsubscribe',
    ])
    const visitors = {
      records: await createRouteRecords(),
      admin: await UserFactory.apply('admin').create(),
    }
    const mine = await csrfOfNewSession(client)
    const theirs = await csrfOfNewSession(client)
    // The attacker's page holds a real token, but of a session that is not the victim's.
    const hostile = { secret: mine.secret, token: theirs.token }

    // The same pair is accepted in its own session: the refusals below are about the token.
    const ownSession = await client
      .post('/locale')
      .form({ locale: 'en' })
      .withSession({ 'csrf-secret': theirs.secret })
      .header('x-csrf-token', theirs.token)
      .redirects(0)
    ownSession.assertStatus(302)

    let before = await databaseFingerprint()
    // Every table is watched, on either database, not an empty list that never changes.
    assert.isAbove(Object.keys(before).length, 30)
    const wrong: string[] = []
    for (const route of routes) {
      for (const [attempt, csrf] of [
        ['no token', null],
        ['another session’s token', hostile],
      ] as const) {
        const response = await send(client, route, visitors, csrf)
        const after = await databaseFingerprint()
        const changed = changedTables(before, after)
        before = after
        const refused = response.status() === 403 && response.text().includes(CSRF_REFUSAL)
        if (!refused || changed.length) {
          wrong.push(
            `${key(route)} with ${attempt}: ${response.status()}` +
              (changed.length ? `, changed ${changed.join(', ')}` : '')
          )
        }
      }
    }
    assert.deepEqual(wrong, [])
  }).timeout(180_000)

  test('the exceptions are exactly the routes that answer without a token', async ({
    client,
    assert,
  }) => {
    const visitors = {
      records: await createRouteRecords(),
      admin: await UserFactory.apply('admin').create(),
    }
    const answered: string[] = []
    for (const route of stateChangingRoutes()) {
      const response = await send(client, route, visitors, null)
      if (!(response.status() === 403 && response.text().includes(CSRF_REFUSAL)))
        answered.push(key(route))
    }
    assert.deepEqual(answered.sort(), Object.keys(EXCEPTIONS).sort())
  }).timeout(120_000)
})

test.group('CSRF exceptions: protected by something else', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one-click unsubscribe needs the reader’s signed token', async ({ client, assert }) => {
    const { subscriber, list } = await createRouteRecords()
    const status = async () =>
      (
        await Subscription.query()
          .where({ subscriber_id: subscriber.id, list_id: list.id })
          .firstOrFail()
      ).status

    // Well shaped, but signed for sharing, not for leaving: nobody can make another reader's.
    const forged = await client.post(`/u/${readerToken('share', subscriber.id)}`)
    forged.assertStatus(404)
    assert.equal(await status(), 'active')

    const own = await client.post(`/u/${readerToken('unsubscribe', subscriber.id)}`)
    own.assertStatus(200)
    assert.notEqual(await status(), 'active')
  })

  test('the embedded form makes only a pending subscription and sends the confirmation', async ({
    client,
    assert,
  }) => {
    const catcher = await startMailCatcher()
    try {
      const { list } = await createRouteRecords()
      const response = await client
        .post(`/nyhedsbrev/${list.slug}/indlejret`)
        .form({ email: 'fremmed@example.org', consent: 'on' })
      response.assertStatus(200)
      const subscriber = await Subscriber.findByOrFail('email', 'fremmed@example.org')
      const subscription = await Subscription.query()
        .where({ subscriber_id: subscriber.id, list_id: list.id })
        .firstOrFail()
      // A post from anywhere asks; only the owner of the address, by the mailed link, confirms.
      assert.equal(subscription.status, 'pending')
      const mail = await catcher.waitFor()
      assert.equal(recipientsOf(mail), 'fremmed@example.org')
    } finally {
      await catcher.stop()
    }
  })

  test('the mail-events webhook needs the bearer secret', async ({ client }) => {
    const secret = env.get('MAIL_EVENTS_SECRET')!.release()
    ;(await client.post('/webhooks/mail-events').json([])).assertStatus(401)
    ;(
      await client.post('/webhooks/mail-events').json([]).header('authorization', 'Bearer wrong')
    ).assertStatus(401)
    const accepted = await client
      .post('/webhooks/mail-events')
      .json([])
      .header('authorization', `Bearer ${secret}`)
    accepted.assertStatus(200)
    accepted.assertBodyContains({ recorded: 0 })
  })

  test('the live channel of an assembly needs a staff login even with a token', async ({
    client,
  }) => {
    const { assembly } = await createRouteRecords()
    const admin = await UserFactory.apply('admin').create()
    // Transmit subscribes only an open stream, so one is opened first: a refusal is then the login's.
    const uid = randomUUID()
    const stream = new AbortController()
    const base = `http://${env.get('HOST')}:${env.get('PORT')}`
    const events = await fetch(`${base}/__transmit/events?uid=${uid}`, { signal: stream.signal })
    try {
      const channel = { uid, channel: `assemblies/${assembly.id}/live` }
      const guest = await client.post('/__transmit/subscribe').json(channel).withCsrfToken()
      guest.assertStatus(400)
      const staff = await client
        .post('/__transmit/subscribe')
        .json(channel)
        .loginAs(admin)
        .withCsrfToken()
      staff.assertStatus(204)
    } finally {
      stream.abort()
      await events.body?.cancel().catch(() => {})
    }
  })
})
