import { test } from '@japa/runner'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { UserFactory } from '#database/factories/user_factory'
import { UPLOAD_FOLDER } from '#middleware/upload_middleware'
import { appRoutes, fillPattern, STATE_CHANGING } from '#tests/helpers/routes'
import { generateToken } from '#shared/tokens'
import { readerToken } from '#newsletters/reader_links'
import { TEST_PASSWORD } from '#database/factories/user_factory'
import { CookieJar } from '#tests/helpers/cookie_jar'

const MB = 1024 * 1024
const UUID_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Every file an upload could leave: ours, and the bodyparser's default place. */
async function uploadedFiles() {
  const ours = await readdir(app.tmpPath(UPLOAD_FOLDER)).catch(() => [])
  const system = (await readdir(tmpdir())).filter((name) => UUID_NAME.test(name))
  return [...ours.map((name) => `uploads/${name}`), ...system]
}

/** A multipart body as a browser sends it, posted raw so nothing is read on our side. */
async function postMultipart(path: string, bytes: number, headers: Record<string, string> = {}) {
  const form = new FormData()
  form.append('name', 'x')
  form.append('file', new Blob([Buffer.alloc(bytes, 0x61)]), 'medlemmer.csv')
  try {
    const response = await fetch(`${env.get('APP_URL')}${path}`, {
      method: 'POST',
      body: form,
      headers,
      redirect: 'manual',
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    // The server may answer and close before the whole body is sent: that is the point.
    return 0
  }
}

function placeholder(param: string, pattern: string) {
  if (param === 'token')
    return /^\/(u|del)\//.test(pattern) ? readerToken('share', 1) : generateToken()
  if (param === 'slug') return 'nyheder'
  return 1
}

test.group('Uploads only where uploads belong', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an anonymous multipart POST to any route writes nothing to disk', async ({ assert }) => {
    const before = await uploadedFiles()
    const routes = appRoutes().filter((route) => STATE_CHANGING.has(route.method))
    assert.isAbove(routes.length, 60)
    const uploadRoutes = [
      '/settings',
      '/members/import/preview',
      '/newsletters/import/preview',
      '/dues/bank/statements',
      '/newsletters/media',
    ]
    for (const route of routes) {
      const path = fillPattern(
        route.pattern,
        Object.fromEntries(route.params.map((param) => [param, placeholder(param, route.pattern)]))
      )
      const size = uploadRoutes.includes(route.pattern) || route.pattern === '/login' ? 20 : 1
      await postMultipart(`${path}?_method=${route.method}`, size * MB)
    }
    assert.deepEqual(await uploadedFiles(), before)
  }).timeout(120_000)

  test('a file is read only after the login and the CSRF check, and is gone after the request', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await uploadedFiles()

    // Logged in, but without a token: refused before the body is read.
    const noToken = await client
      .post('/members/import/preview')
      .file('file', Buffer.from('Navn;E-mail\nA;a@example.org\n'), { filename: 'a.csv' })
      .loginAs(admin)
    noToken.assertStatus(403)

    // Accepted, previewed, and the request's own copy removed once it is answered.
    const accepted = await client
      .post('/members/import/preview')
      .file('file', Buffer.from('Navn;Kontaktperson;E-mail\nForeningen A;Anna;a@example.org\n'), {
        filename: 'a.csv',
      })
      .loginAs(admin)
      .withCsrfToken()
    accepted.assertStatus(200)
    assert.deepEqual(await uploadedFiles(), before)

    // A refused file (wrong kind) is removed too.
    const refused = await client
      .post('/members/import/preview')
      .file('file', Buffer.from('%PDF-1.4'), { filename: 'a.pdf' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.deepEqual(await uploadedFiles(), before)
  })

  test('each upload route has its own size limit', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await uploadedFiles()
    const logo = await client
      .put('/settings')
      .field('name', 'Social Talks')
      .file('logo', Buffer.alloc(3 * MB), { filename: 'logo.png' })
      .loginAs(admin)
      .withCsrfToken()
    logo.assertStatus(413)

    const register = await client
      .post('/members/import/preview')
      .file('file', Buffer.alloc(12 * MB, 0x61), { filename: 'medlemmer.csv' })
      .loginAs(admin)
      .withCsrfToken()
    register.assertStatus(413)

    const statement = await client
      .post('/dues/bank/statements')
      .file('file', Buffer.alloc(22 * MB, 0x61), { filename: 'kontoudtog.csv' })
      .loginAs(admin)
      .withCsrfToken()
    statement.assertStatus(413)

    const image = await client
      .post('/newsletters/media')
      .file('image', Buffer.alloc(12 * MB, 0x61), { filename: 'billede.jpg' })
      .loginAs(admin)
      .withCsrfToken()
    image.assertStatus(413)
    assert.deepEqual(await uploadedFiles(), before)
  })

  test('a route that takes no files ignores a multipart body', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await uploadedFiles()
    const response = await client
      .post('/staff')
      .field('email', 'ny@example.org')
      .field('role', 'board')
      .file('file', Buffer.alloc(MB), { filename: 'x.bin' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    // The fields were not read either: the form is refused as empty.
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      full_name: ['Skal udfyldes.'],
      email: ['Skal udfyldes.'],
      role: ['Skal udfyldes.'],
      locale: ['Skal udfyldes.'],
    })
    assert.deepEqual(await uploadedFiles(), before)
  })

  test('the upload forms carry their CSRF token in the action, as a browser posts them', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const browser = new CookieJar(env.get('APP_URL'))
    await browser.logIn(admin.email, TEST_PASSWORD)
    const page = await browser.get('/members/import')
    const action = /<form[^>]*action="([^"]*import\/preview[^"]*)"/.exec(page.text)?.[1]
    assert.match(action ?? '', /^\/members\/import\/preview\?_csrf=[\w-]+$/)

    const form = new FormData()
    const file = 'Navn;Kontaktperson;E-mail\nForeningen B;Bo;b@example.org\n'
    form.append('file', new Blob([file]), 'medlemmer.csv')
    const preview = await browser.postForm(action!.replaceAll('&amp;', '&'), form)
    assert.equal(preview.status, 200)
    assert.include(preview.text, 'Foreningen B')

    const forged = await browser.postForm('/members/import/preview', form)
    assert.equal(forged.status, 403)

    const bankPage = await browser.get('/dues/bank')
    const bankAction = /<form[^>]*action="([^"]*bank\/statements[^"]*)"/.exec(bankPage.text)?.[1]
    assert.match(bankAction ?? '', /^\/dues\/bank\/statements\?_csrf=[\w-]+$/)
    const statement = new FormData()
    statement.append('file', new Blob(['Dato;Tekst;Beløb;Saldo\r\n']), 'kontoudtog.csv')
    const imported = await browser.postForm(bankAction!.replaceAll('&amp;', '&'), statement)
    assert.equal(imported.status, 302)
    assert.equal((await browser.postForm('/dues/bank/statements', statement)).status, 403)
  })
})
