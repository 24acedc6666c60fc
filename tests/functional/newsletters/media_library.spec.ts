import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { mediaFilePath } from '#newsletters/media/media_storage'
import { EXECUTABLE, SVG, jpeg, png } from '#tests/helpers/media_images'
import { stat } from 'node:fs/promises'

const MB = 1024 * 1024

test.group('Newsletter media library', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the secretariat uploads an image with the form; it waits for its alt text', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const upload = await client
      .post('/newsletters/media')
      .file('image', await jpeg(1600, 900), { filename: 'sommerfest.jpg' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    upload.assertStatus(302)
    upload.assertHeader('location', '/newsletters/media')
    const media = await NewsletterMedia.firstOrFail()
    assert.equal(media.originalName, 'sommerfest.jpg')

    const page = await client.get('/newsletters/media').loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes(`src="/media/${media.key}/600.jpg"`)
    page.assertTextIncludes('mangler alternativ tekst')
    page.assertTextIncludes(`/media/${media.key}/1200.jpg`)
    // The upload form posts its token in the action: the body is read after the check.
    assert.match(page.text(), /action="\/newsletters\/media\?_csrf=[\w-]+"/)
    assert.include(page.text(), 'x-data="mediaUpload"')
  })

  test('the editor uploads with JSON and gets the addresses back; twice is stored once', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const bytes = await png(800, 400, 5)
    const first = await client
      .post('/newsletters/media')
      .header('accept', 'application/json')
      .file('image', bytes, { filename: 'kort.png' })
      .loginAs(secretariat)
      .withCsrfToken()
    first.assertStatus(201)
    const body = first.body()
    assert.isFalse(body.duplicate)
    assert.isFalse(body.media.usable)
    assert.match(body.media.urls['600'], /^https?:\/\/[^/]+\/media\/[0-9a-f]{32}\/600\.png$/)
    assert.deepEqual(body.media.sizes['1200'], { width: 800, height: 400 })

    const again = await client
      .post('/newsletters/media')
      .header('accept', 'application/json')
      .file('image', bytes, { filename: 'kort-kopi.png' })
      .loginAs(secretariat)
      .withCsrfToken()
    again.assertStatus(200)
    assert.isTrue(again.body().duplicate)
    assert.equal(again.body().media.key, body.media.key)
    assert.lengthOf(await NewsletterMedia.all(), 1)
  })

  test('a file that is not an image is refused whatever its name', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    for (const [bytes, filename] of [
      [EXECUTABLE, 'foto.jpg'],
      [SVG, 'logo.png'],
    ] as const) {
      const form = await client
        .post('/newsletters/media')
        .file('image', bytes, { filename })
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)
      form.assertStatus(302)
      form.assertFlashMessage('inputErrorsBag', {
        image: ['Filen er ikke et billede i JPEG, PNG, WebP eller GIF.'],
      })
    }
    const json = await client
      .post('/newsletters/media')
      .header('accept', 'application/json')
      .file('image', EXECUTABLE, { filename: 'foto.gif' })
      .loginAs(secretariat)
      .withCsrfToken()
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'image')
    assert.lengthOf(await NewsletterMedia.all(), 0)
  })

  test('a file over 10 MB is refused; one over the route limit is not read', async ({ client }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const over = await client
      .post('/newsletters/media')
      .file('image', Buffer.alloc(10.5 * MB, 0x41), { filename: 'stor.jpg' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    over.assertStatus(302)
    over.assertFlashMessage('inputErrorsBag', { image: ['Filen er for stor (højst 10mb).'] })

    const huge = await client
      .post('/newsletters/media')
      .file('image', Buffer.alloc(12 * MB, 0x41), { filename: 'kæmpe.jpg' })
      .loginAs(secretariat)
      .withCsrfToken()
    huge.assertStatus(413)
  })

  test('an upload without the CSRF token is refused', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client
      .post('/newsletters/media')
      .file('image', await png(20, 20, 1), { filename: 'a.png' })
      .loginAs(secretariat)
    response.assertStatus(403)
    assert.lengthOf(await NewsletterMedia.all(), 0)
  })

  test('the board sees the library but cannot upload, describe or delete', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const secretariat = await UserFactory.apply('secretariat').create()
    await client
      .post('/newsletters/media')
      .file('image', await png(50, 50, 2), { filename: 'a.png' })
      .loginAs(secretariat)
      .withCsrfToken()
    const media = await NewsletterMedia.firstOrFail()

    const page = await client.get('/newsletters/media').loginAs(board)
    page.assertStatus(200)
    page.assertTextIncludes(media.key)
    assert.notInclude(page.text(), 'name="alt_text"')
    assert.notInclude(page.text(), 'x-data="mediaUpload"')

    const describe = await client
      .put(`/newsletters/media/${media.id}/alt-text`)
      .form({ alt_text: 'Et kort' })
      .loginAs(board)
      .withCsrfToken()
    describe.assertStatus(403)
  })

  test('alt text is trimmed, required and at most 250 characters', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await client
      .post('/newsletters/media')
      .file('image', await png(50, 50, 3), { filename: 'kort.png' })
      .loginAs(secretariat)
      .withCsrfToken()
    const media = await NewsletterMedia.firstOrFail()
    const url = `/newsletters/media/${media.id}/alt-text`

    for (const text of ['   ', 'x'.repeat(251)]) {
      const refused = await client
        .put(url)
        .form({ alt_text: text, media_id: media.id })
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(302)
      // The image's id comes back with the message, so it stands under that image's form.
      assert.property(refused.flashMessages().inputErrorsBag, 'alt_text')
      assert.equal(refused.flashMessages().media_id, String(media.id))
      assert.isNull((await NewsletterMedia.findOrFail(media.id)).altText)
    }

    const saved = await client
      .put(url)
      .form({ alt_text: '  Kort over Danmark  ' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    saved.assertFlashMessage('success', 'Den alternative tekst er gemt.')
    assert.equal((await NewsletterMedia.findOrFail(media.id)).altText, 'Kort over Danmark')

    const page = await client.get('/newsletters/media').loginAs(secretariat)
    assert.notInclude(page.text(), 'mangler alternativ tekst')
    page.assertTextIncludes('alt="Kort over Danmark"')
  })

  test('the editor searches described images as JSON', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const board = await UserFactory.apply('board').create()
    for (const [seed, name] of [
      [4, 'sommerfest.png'],
      [5, 'bestyrelse.png'],
      [6, 'udkast.png'],
    ] as const) {
      await client
        .post('/newsletters/media')
        .file('image', await png(60, 40, seed), { filename: name })
        .loginAs(secretariat)
        .withCsrfToken()
    }
    for (const [name, text] of [
      ['sommerfest.png', 'Grill i haven'],
      ['bestyrelse.png', 'Bestyrelsen samlet'],
    ]) {
      const media = await NewsletterMedia.findByOrFail('originalName', name)
      await client
        .put(`/newsletters/media/${media.id}/alt-text`)
        .header('accept', 'application/json')
        .form({ alt_text: text })
        .loginAs(secretariat)
        .withCsrfToken()
    }
    const all = await client.get('/newsletters/media.json').loginAs(board)
    all.assertStatus(200)
    assert.sameMembers(
      all.body().media.map((media: { name: string }) => media.name),
      ['sommerfest.png', 'bestyrelse.png']
    )
    const grill = await client.get('/newsletters/media.json?q=GRILL').loginAs(board)
    assert.deepEqual(
      grill.body().media.map((media: { altText: string }) => media.altText),
      ['Grill i haven']
    )
    assert.match(grill.body().media[0].urls['1200'], /\/media\/[0-9a-f]{32}\/1200\.png$/)
    const none = await client.get('/newsletters/media.json?q=udkast').loginAs(board)
    assert.deepEqual(none.body().media, [])
  })

  test('an image in a sent issue is not deleted; an unused one is, with its files', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    for (const seed of [7, 8]) {
      await client
        .post('/newsletters/media')
        .file('image', await png(70, 70, seed), { filename: `b${seed}.png` })
        .loginAs(secretariat)
        .withCsrfToken()
    }
    const [used, unused] = await NewsletterMedia.query().orderBy('id')
    await NewsletterIssue.create({
      subject: 'Nyt fra juni',
      bodyMjml: `<mj-image src="http://127.0.0.1/media/${used.key}/600.png" alt="x" />`,
      compiledHtml: `<img src="http://127.0.0.1/media/${used.key}/600.png">`,
      status: 'sent',
      createdBy: 'test',
    })

    const refused = await client
      .delete(`/newsletters/media/${used.id}`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage('error', 'Billedet bruges i “Nyt fra juni” og kan ikke slettes.')
    assert.isNotNull(await NewsletterMedia.find(used.id))
    assert.isNotNull(await stat(mediaFilePath(used.key, '1200.png')!).catch(() => null))

    const deleted = await client
      .delete(`/newsletters/media/${unused.id}`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    deleted.assertFlashMessage('success', 'Billedet er slettet.')
    assert.isNull(await NewsletterMedia.find(unused.id))
    assert.isNull(await stat(mediaFilePath(unused.key, '600.png')!).catch(() => null))
    const gone = await client.get(`/media/${unused.key}/600.png`)
    gone.assertStatus(404)
  })
})
