import { test } from '@japa/runner'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { UploadMedia } from '#newsletters/actions/upload_media'
import { mediaFilePath } from '#newsletters/media/media_storage'
import { Actors } from '#audit/actor'
import { asBytes } from '#tests/helpers/bytes'
import { jpeg, png } from '#tests/helpers/media_images'
import { UserFactory } from '#database/factories/user_factory'

async function stored(bytes: Buffer, name: string) {
  const path = join(tmpdir(), `kreds-media-${process.pid}-${name}`)
  await writeFile(path, bytes)
  const result = await new UploadMedia().handle({ path, originalName: name }, Actors.system('test'))
  if (result.status === 'refused') throw new Error(result.reason)
  return result.media
}

test.group('Media files at their public addresses', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an image is served to anyone, kept by caches for a year, with its type', async ({
    client,
    assert,
  }) => {
    const photo = await stored(await jpeg(1800, 1200), 'foto.jpg')
    const response = await asBytes(client.get(`/media/${photo.key}/1200.jpg`))
    response.assertStatus(200)
    response.assertHeader('content-type', 'image/jpeg')
    response.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    response.assertHeader('x-content-type-options', 'nosniff')
    const body = response.body() as Buffer
    assert.deepEqual(body, await readFile(mediaFilePath(photo.key, '1200.jpg')!))
    const meta = await sharp(body).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1200, 800])

    const drawing = await stored(await png(300, 100, 9), 'tegning.png')
    const small = await asBytes(client.get(`/media/${drawing.key}/600.png`))
    small.assertStatus(200)
    small.assertHeader('content-type', 'image/png')
    assert.equal((await sharp(small.body() as Buffer).metadata()).width, 300)
  })

  test('an unknown key, a width or type that is not stored, and hostile values are 404', async ({
    client,
    assert,
  }) => {
    const photo = await stored(await jpeg(700, 500), 'andet.jpg')
    const misses = [
      `/media/${'0'.repeat(32)}/600.jpg`,
      `/media/${photo.key}/600.png`,
      `/media/${photo.key}/800.jpg`,
      `/media/${photo.key}/600.jpeg`,
      `/media/${photo.key}/600.gif`,
      `/media/${photo.key.toUpperCase()}/600.jpg`,
      `/media/${photo.key}0/600.jpg`,
      `/media/.incoming-${photo.key}/600.jpg`,
      `/media/..%2F..%2F.env/600.jpg`,
      `/media/${photo.key}/..%2F..%2F..%2F.env`,
      `/media/${photo.key}/%2E%2E%2F600.jpg`,
      `/media/${photo.key}/600.jpg%00.png`,
      `/media/${photo.key}`,
    ]
    for (const path of misses) {
      const response = await client.get(path)
      assert.equal(response.status(), 404, path)
      assert.notEqual(response.header('cache-control'), 'public, max-age=31536000, immutable')
    }
  })

  test('a public answer carries no cookie, so a shared cache cannot hand on a session', async ({
    client,
    assert,
  }) => {
    const photo = await stored(await jpeg(700, 500), 'delt.jpg')
    const secretary = await UserFactory.apply('secretariat').create()
    const page = await client.get('/newsletters/media').loginAs(secretary)
    page.assertStatus(200)
    // The same login on a private page: the cookie is there to be seen.
    assert.isNotEmpty(page.header('set-cookie'))

    for (const request of [
      () => client.get(`/media/${photo.key}/600.jpg`),
      () => client.get(`/media/${photo.key}/600.jpg`).loginAs(secretary),
    ]) {
      const response = await asBytes(request())
      response.assertStatus(200)
      assert.include(response.header('cache-control'), 'public')
      assert.isUndefined(response.header('set-cookie'))
    }
  })
})
