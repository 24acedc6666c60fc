import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import sharp from 'sharp'
import env from '#start/env'
import { UserFactory } from '#database/factories/user_factory'
import { appRoutes, fillPattern } from '#tests/helpers/routes'
import { createRouteRecords, paramsFor } from '#tests/helpers/route_records'

/*
 * Every page says where you are in its title (page – part of Kreds – Kreds)
 * and carries the app's icon; the icon files and the web manifest are served.
 */

/** Pages that are not Kreds' own: a mail as sent, a newsletter's web version, a form framed on another site. */
const NOT_KREDS_PAGES = new Set([
  '/outbox/:id/html',
  '/nyhedsbrev/udgave/:id',
  '/nyhedsbrev/:slug/indlejret',
])

const ICON_LINKS = [
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
  '<link rel="apple-touch-icon" href="/apple-touch-icon.png" />',
  '<link rel="manifest" href="/site.webmanifest" />',
]

function titleOf(html: string) {
  const match = /<title>([\s\S]*?)<\/title>/.exec(html)
  return match ? match[1].replace(/\s+/g, ' ').trim() : null
}

test.group('Page titles and icons', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('titles name the page, its part of Kreds and Kreds', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const invoices = await client.get('/dues/invoices').loginAs(treasurer)
    assert.equal(titleOf(invoices.text()), 'Fakturaer – Kontingent – Kreds')

    const english = await client
      .get('/dues/invoices')
      .loginAs(await UserFactory.apply('treasurer').merge({ locale: 'en' }).create())
    assert.equal(titleOf(english.text()), 'Invoices – Dues – Kreds')

    // A page named like its part names it once.
    const members = await client.get('/members').loginAs(treasurer)
    assert.equal(titleOf(members.text()), 'Medlemmer – Kreds')

    assert.equal(titleOf((await client.get('/login')).text()), 'Log ind – Kreds')
    assert.equal(titleOf((await client.get('/findes-ikke')).text()), 'Siden findes ikke – Kreds')
  })

  test('every page of every kind of visitor has a title and the icons', async ({
    client,
    assert,
  }) => {
    const records = await createRouteRecords()
    const admin = await UserFactory.apply('admin').create()
    const checked: string[] = []
    const problems: string[] = []
    for (const route of appRoutes()) {
      if (route.method !== 'GET' || NOT_KREDS_PAGES.has(route.pattern)) continue
      if (route.params.some((param) => ['key', 'file'].includes(param))) continue
      let request = client.get(fillPattern(route.pattern, paramsFor(route, records))).redirects(0)
      if (route.middleware.includes('auth')) request = request.loginAs(admin)
      if (route.middleware.includes('member')) {
        request = request.withGuard('member').loginAs(records.contact)
      }
      const response = await request
      if (response.status() !== 200) continue
      if (!String(response.header('content-type')).startsWith('text/html')) continue
      const html = response.text()
      const title = titleOf(html)
      checked.push(route.pattern)
      const parts = title?.split(' – ') ?? []
      if (parts.length < 2 || parts.at(-1) !== 'Kreds' || parts.some((part) => !part.trim())) {
        problems.push(`${route.pattern}: title "${title}"`)
      }
      for (const link of ICON_LINKS) {
        if (!html.includes(link)) problems.push(`${route.pattern}: no ${link}`)
      }
    }
    assert.deepEqual(problems, [])
    // The staff layout, the public pages and the member portal were all among them.
    assert.includeMembers(checked, [
      '/',
      '/dues/invoices',
      '/login',
      '/medlem',
      '/medlem/fakturaer',
    ])
    assert.isAbove(checked.length, 40)
  })

  test('the error page carries the icons too', async ({ client }) => {
    const response = await client.get('/findes-ikke')
    response.assertStatus(404)
    for (const link of ICON_LINKS) response.assertTextIncludes(link)
  })

  test('the icons and the web manifest are served', async ({ assert }) => {
    // Fetched as a browser fetches them: bytes and the type the server names.
    const get = (path: string) => fetch(`${env.get('APP_URL')}${path}`)

    const svg = await get('/favicon.svg')
    assert.equal(svg.status, 200)
    assert.include(svg.headers.get('content-type'), 'image/svg+xml')
    assert.include(await svg.text(), '<svg')

    const ico = await get('/favicon.ico')
    assert.equal(ico.status, 200)
    const icoBytes = Buffer.from(await ico.arrayBuffer())
    // An icon directory (reserved 0, type 1) holding one 32 px image.
    assert.deepEqual([icoBytes.readUInt16LE(0), icoBytes.readUInt16LE(2), icoBytes[6]], [0, 1, 32])

    const manifestResponse = await get('/site.webmanifest')
    assert.equal(manifestResponse.status, 200)
    const manifest = JSON.parse(await manifestResponse.text())
    assert.equal(manifest.name, 'Kreds')
    assert.equal(manifest.start_url, '/')

    const sizes: Record<string, number> = { '/apple-touch-icon.png': 180 }
    for (const icon of manifest.icons as { src: string; type: string; sizes: string }[]) {
      if (icon.type === 'image/png') sizes[icon.src] = Number(icon.sizes.split('x')[0])
    }
    assert.includeMembers(Object.keys(sizes), ['/icon-192.png', '/icon-512.png'])
    for (const [path, size] of Object.entries(sizes)) {
      const png = await get(path)
      assert.equal(png.status, 200, path)
      assert.include(png.headers.get('content-type'), 'image/png')
      const metadata = await sharp(Buffer.from(await png.arrayBuffer())).metadata()
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', size, size])
    }
  })
})
