import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { generateToken } from '#shared/tokens'
import { readerToken } from '#newsletters/reader_links'
import { appRoutes, fillPattern } from '#tests/helpers/routes'

/**
 * Values an attacker puts in a path parameter: traversal (plain, encoded
 * and double encoded), another host, quotes that would leave an attribute,
 * a backslash that browsers read as a slash.
 */
const HOSTILE = [
  '..%2F..%2Fstaff',
  '..%2F..%2Fadmin%2Fstaff%3Finvite%3D1',
  '%2E%2E%2F%2E%2E%2Fstaff',
  '%252e%252e%252fstaff',
  '%2F%2Fevil.example%2Fx',
  '%5Cevil.example',
  '%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "x'onmouseover='alert(1)",
  `${'a'.repeat(40)}%2F..`,
  '1%20or%201',
]

/** Harmless in a token or a list's address, but never a record's number. */
const NOT_A_NUMBER = ['1e3', '-1', '0x1f', '1.0']

test.group('Route parameters of the wrong shape', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every route refuses hostile values in every parameter with a 404', async ({
    client,
    assert,
  }) => {
    const routesWithParams = appRoutes().filter((route) => route.params.length > 0)
    assert.isAbove(routesWithParams.length, 50)
    const admin = await UserFactory.apply('admin').create()
    const misses: string[] = []
    for (const route of routesWithParams) {
      for (const param of route.params) {
        const values = ['token', 'slug'].includes(param) ? HOSTILE : [...HOSTILE, ...NOT_A_NUMBER]
        for (const value of values) {
          const filled = Object.fromEntries(
            route.params.map((name) => [name, safeValue(name, route.pattern)])
          )
          filled[param] = value
          const path = fillPattern(route.pattern, filled)
          const request = client
            .request(path, route.method as 'GET')
            .loginAs(admin)
            .redirects(0)
          const response = await (route.method === 'GET' ? request : request.withCsrfToken())
          if (response.status() !== 404)
            misses.push(`${route.method} ${path}: ${response.status()}`)
        }
      }
    }
    assert.deepEqual(misses, [])
  }).timeout(120_000)

  test('a well-shaped token is put back into the page only as the router builds it', async ({
    client,
    assert,
  }) => {
    const token = generateToken()
    const pages = [
      { path: `/medlem/login/${token}`, action: `/medlem/login/${token}` },
      { path: `/nyhedsbrev/bekraeft/${token}`, action: `/nyhedsbrev/bekraeft/${token}` },
      { path: `/reset-password/${token}`, action: null },
    ]
    for (const page of pages) {
      const response = await client.get(page.path)
      assert.isBelow(response.status(), 500, page.path)
      const actions = [...response.text().matchAll(/action="([^"]*)"/g)].map((match) => match[1])
      for (const action of actions) assert.match(action, /^\/[A-Za-z0-9_\-/.?=&;]*$/, page.path)
      if (page.action) assert.include(actions, page.action)
    }
  })

  test('the portal link page posts to its own route, never to a pasted path', async ({
    client,
    assert,
  }) => {
    // Before tokens had a shape, this page rendered action="/medlem/login/../../staff".
    const hostile = await client.get('/medlem/login/..%2F..%2Fstaff')
    hostile.assertStatus(404)
    assert.notInclude(hostile.text(), '../../staff')

    const subscribe = await client.get('/nyhedsbrev/bekraeft/..%2F..%2Fstaff')
    subscribe.assertStatus(404)
    assert.notInclude(subscribe.text(), '../../staff')
  })
})

/** A value of the right shape for each parameter, so only the hostile one is wrong. */
function safeValue(param: string, pattern: string) {
  if (param === 'token')
    return /^\/(u|del)\//.test(pattern) ? readerToken('share', 1) : generateToken()
  if (param === 'slug') return 'nyheder'
  return 1
}

test.group('Reader links of the wrong shape', () => {
  test('signed reader tokens with a hostile tail are not matched', async ({ client }) => {
    const good = readerToken('share', 1)
    for (const tail of ['%2F..%2F..%2Fstaff', '%22%3E', '.%2F%2Fevil.example']) {
      const response = await client.get(`/del/${good}${tail}`)
      response.assertStatus(404)
    }
  })
})
