import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import Contact from '#members/models/contact'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'

const origin = () => new URL(env.get('APP_URL')).origin

/** Referers an attacker can make a page of this site send, and where the switch must go. */
const REFERERS = () => [
  { referer: `${origin()}/members?q=a%20b`, location: '/members?q=a%20b' },
  { referer: `${origin()}//evil.example/x`, location: null },
  { referer: `${origin()}/%2F%2Fevil.example`, location: '/%2F%2Fevil.example' },
  { referer: `${origin()}/\\evil.example/x`, location: null },
  { referer: 'https://evil.example/phish', location: null },
  { referer: '//evil.example/x', location: null },
  { referer: '/\\evil.example', location: null },
  { referer: 'javascript:alert(1)', location: null },
  { referer: `${origin()}/a%0d%0aSet-Cookie:x=1`, location: '/a%0d%0aSet-Cookie:x=1' },
  { referer: 'not a url at all', location: null },
]

test.group('Redirects after the language switch', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a staff user goes back to a page of this site, or to the dashboard', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('board').create()
    for (const { referer, location } of REFERERS()) {
      const response = await client
        .post('/locale')
        .form({ locale: 'da' })
        .header('referer', referer)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      const target = response.header('location')
      assert.equal(target, location ?? '/', referer)
      assert.isTrue(sameOrigin(target), `${referer} → ${target}`)
    }
  })

  test('a member contact falls back to the portal, a guest to the front page', async ({
    client,
  }) => {
    const organisation = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const contact = await Contact.query().where('organisation_id', organisation.id).firstOrFail()
    const member = await client
      .post('/locale')
      .form({ locale: 'en' })
      .header('referer', `${origin()}//evil.example/x`)
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    member.assertHeader('location', '/medlem')

    const guest = await client
      .post('/locale')
      .form({ locale: 'en' })
      .header('referer', `${origin()}//evil.example/x`)
      .withCsrfToken()
      .redirects(0)
    guest.assertHeader('location', '/')
  })
})

test.group('Redirects back after a refused form', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a hostile Referer on a failed validation never leads off the site', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    for (const { referer } of REFERERS()) {
      const response = await client
        .post('/staff')
        .form({ email: 'not-an-address', role: 'board' })
        .header('referer', referer)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      assert.isTrue(sameOrigin(response.header('location')), `${referer}`)
    }
  })
})

/** Where a browser would go, resolved the way a browser resolves a Location header. */
function sameOrigin(location: string | undefined) {
  if (!location) return false
  const resolved = new URL(location, `${origin()}/some/page`)
  return resolved.origin === origin()
}
