import { test } from '@japa/runner'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import AuditEvent from '#audit/models/audit_event'
import { UploadMedia, cleanFileName } from '#newsletters/actions/upload_media'
import { DescribeMedia } from '#newsletters/actions/describe_media'
import { DeleteMedia } from '#newsletters/actions/delete_media'
import { listUsableMedia } from '#newsletters/queries/media_library'
import { mediaFilePath, mediaRoot } from '#newsletters/media/media_storage'
import { Actors } from '#audit/actor'
import { SVG, jpeg, png } from '#tests/helpers/media_images'

const secretariat = Actors.system('sekretariat@example.org')

test.group('Media library actions', (group) => {
  let folder: string
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kreds-media-'))
    return () => rm(folder, { recursive: true, force: true })
  })

  async function upload(bytes: Buffer, name = 'foto.png') {
    const path = join(folder, `${Math.random()}`)
    await writeFile(path, bytes)
    return new UploadMedia().handle({ path, originalName: name }, secretariat)
  }

  async function uploaded(bytes: Buffer, name?: string) {
    const result = await upload(bytes, name)
    if (result.status !== 'uploaded') throw new Error(result.status)
    return result.media
  }

  test('an upload stores both widths on disk, a row and an audit event', async ({ assert }) => {
    const media = await uploaded(await jpeg(1500, 1000), 'C:\\Billeder\\generalforsamling.jpg')
    assert.match(media.key, /^[0-9a-f]{32}$/)
    assert.equal(media.originalName, 'generalforsamling.jpg')
    assert.deepEqual([media.mime, media.width, media.height], ['image/jpeg', 1500, 1000])
    assert.isNull(media.altText)
    assert.equal(media.createdBy, 'sekretariat@example.org')
    assert.sameMembers(await readdir(join(mediaRoot(), media.key)), ['600.jpg', '1200.jpg'])
    const small = await sharp(mediaFilePath(media.key, '600.jpg')!).metadata()
    assert.deepEqual([small.width, small.height], [600, 400])
    const event = await AuditEvent.findByOrFail('action', 'media.uploaded')
    assert.equal(event.subjectId, String(media.id))
  })

  test('the same image uploaded twice is stored once', async ({ assert }) => {
    const bytes = await png(300, 200, 11)
    const first = await uploaded(bytes, 'a.png')
    const again = await upload(bytes, 'kopi-af-a.png')
    assert.equal(again.status, 'already_stored')
    assert.equal(again.status === 'already_stored' && again.media.key, first.key)
    assert.lengthOf(await NewsletterMedia.all(), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'media.uploaded'), 1)
  })

  test('a refused file leaves nothing behind', async ({ assert }) => {
    const before = await readdir(mediaRoot()).catch(() => [])
    assert.deepEqual(await upload(SVG, 'logo.png'), { status: 'refused', reason: 'not_an_image' })
    assert.lengthOf(await NewsletterMedia.all(), 0)
    assert.deepEqual(await readdir(mediaRoot()).catch(() => []), before)
  })

  test('a file name keeps only its own name, without control characters', ({ assert }) => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd')
    assert.equal(cleanFileName('bil\u0000led\u202e.png'), 'billed.png')
    assert.equal(cleanFileName('   '), 'billede')
    assert.lengthOf(cleanFileName('x'.repeat(500)), 200)
  })

  test('only described images are usable, with absolute addresses', async ({ assert }) => {
    const described = await uploaded(await png(1400, 700, 21), 'sommerfest.png')
    await uploaded(await png(100, 100, 22), 'udkast.png')
    assert.deepEqual(await listUsableMedia(), [])

    const result = await new DescribeMedia().handle(
      { mediaId: described.id, altText: 'Medlemmer ved sommerfesten' },
      secretariat
    )
    assert.equal(result.status, 'described')
    const usable = await listUsableMedia()
    assert.lengthOf(usable, 1)
    const origin = env.get('APP_URL').replace(/\/+$/, '')
    assert.equal(usable[0].urls[600], `${origin}/media/${described.key}/600.png`)
    assert.equal(usable[0].urls[1200], `${origin}/media/${described.key}/1200.png`)
    assert.deepEqual(usable[0].sizes, {
      600: { width: 600, height: 300 },
      1200: { width: 1200, height: 600 },
    })
    assert.equal(usable[0].altText, 'Medlemmer ved sommerfesten')

    const event = await AuditEvent.findByOrFail('action', 'media.alt_text_changed')
    assert.deepEqual(event.changes, { altText: { from: null, to: 'Medlemmer ved sommerfesten' } })
  })

  test('the usable list is searched by name and alt text, wildcards taken literally', async ({
    assert,
  }) => {
    const names = ['sommerfest.png', 'bestyrelse_2026.png', 'logo.png']
    const texts = ['Grill i haven', 'Bestyrelsen på trappen', '100% genbrug']
    for (const [index, name] of names.entries()) {
      const media = await uploaded(await png(50, 50, 40 + index), name)
      await new DescribeMedia().handle({ mediaId: media.id, altText: texts[index] }, secretariat)
    }
    const found = async (search: string) =>
      (await listUsableMedia({ search })).map((media) => media.name).sort()
    assert.deepEqual(await found('SOMMER'), ['sommerfest.png'])
    assert.deepEqual(await found('trappen'), ['bestyrelse_2026.png'])
    assert.deepEqual(await found('%'), ['logo.png'])
    assert.deepEqual(await found('e_2'), ['bestyrelse_2026.png'])
    assert.lengthOf(await found(''), 3)
  })

  test('an unused image is deleted with its files', async ({ assert }) => {
    const media = await uploaded(await png(80, 80, 51))
    const result = await new DeleteMedia().handle({ mediaId: media.id }, secretariat)
    assert.deepEqual(result, { status: 'deleted' })
    assert.isNull(await NewsletterMedia.find(media.id))
    assert.isNull(await stat(join(mediaRoot(), media.key)).catch(() => null))
    await AuditEvent.findByOrFail('action', 'media.deleted')
  })

  test('an image in a sent issue, or in a draft, is not deleted', async ({ assert }) => {
    const inMail = await uploaded(await png(80, 80, 61))
    const inDraft = await uploaded(await png(80, 80, 62))
    const sent = await NewsletterIssue.create({
      subject: 'Juni',
      bodyMjml: '<mj-section></mj-section>',
      compiledHtml: `<img src="https://kreds.example/media/${inMail.key}/600.png" alt="x">`,
      status: 'sent',
      createdBy: 'test',
    })
    await NewsletterIssue.create({
      subject: 'Juli',
      bodyMjml: `<mj-image src="https://kreds.example/media/${inDraft.key}/1200.png" />`,
      status: 'draft',
      createdBy: 'test',
    })
    const refused = await new DeleteMedia().handle({ mediaId: inMail.id }, secretariat)
    assert.deepEqual(refused, { status: 'in_use', issues: [{ id: sent.id, subject: 'Juni' }] })
    const draft = await new DeleteMedia().handle({ mediaId: inDraft.id }, secretariat)
    assert.equal(draft.status, 'in_use')
    for (const media of [inMail, inDraft]) {
      assert.isNotNull(await NewsletterMedia.find(media.id))
      assert.isNotNull(await stat(mediaFilePath(media.key, '600.png')!).catch(() => null))
    }
    assert.isNull(await AuditEvent.findBy('action', 'media.deleted'))
  })
})
