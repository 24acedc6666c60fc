import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ROLES, type Role } from '#identity/roles'
import { UserFactory } from '#database/factories/user_factory'

/** Every staff page and the roles that may open it; everyone else gets 403. */
const PAGES: { path: string; allowed: Role[] }[] = [
  { path: '/', allowed: ['admin', 'board', 'treasurer', 'secretariat'] },
  { path: '/account', allowed: ['admin', 'board', 'treasurer', 'secretariat'] },
  { path: '/members', allowed: ['admin', 'board', 'treasurer', 'secretariat'] },
  { path: '/dues', allowed: ['admin', 'board', 'treasurer'] },
  { path: '/assemblies', allowed: ['admin', 'board'] },
  { path: '/newsletters', allowed: ['admin', 'board', 'secretariat'] },
  { path: '/settings', allowed: ['admin'] },
  { path: '/staff', allowed: ['admin'] },
  { path: '/outbox', allowed: ['admin'] },
  { path: '/audit', allowed: ['admin', 'board'] },
]

const CASES = PAGES.flatMap((page) =>
  ROLES.map((role) => ({ ...page, role, expected: page.allowed.includes(role) ? 200 : 403 }))
)

test.group('Roles on every staff page', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('{role} on {path} gets {expected}')
    .with(CASES)
    .run(async ({ client, assert }, { path, role, expected }) => {
      const user = await UserFactory.apply(role).create()
      const response = await client.get(path).loginAs(user)
      response.assertStatus(expected)
      // An Edge tag that did not render (a misspelt component) shows up as text.
      assert.notMatch(response.text(), /@!?[a-zA-Z.]+\(/)
      if (expected === 403) {
        response.assertTextIncludes('Du har ikke adgang til denne side.')
      }
    })

  test('the navigation shows each role only what it may open', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client.get('/').loginAs(secretariat)
    response.assertTextIncludes('href="/newsletters"')
    response.assertTextIncludes('href="/members"')
    assert.notInclude(response.text(), 'href="/dues"')
    assert.notInclude(response.text(), 'href="/settings"')
    assert.notInclude(response.text(), 'href="/audit"')
  })

  test('a refused JSON request gets a JSON 403', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .get('/settings')
      .header('accept', 'application/json')
      .loginAs(board)
    response.assertStatus(403)
    assert.equal(
      response.body().message,
      'Du har ikke adgang til denne side. Kontakt foreningens administrator, hvis du mener, du burde have adgang.'
    )
  })
})
