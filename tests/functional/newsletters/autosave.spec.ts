import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterIssueVersion from '#newsletters/models/newsletter_issue_version'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#identity/models/user'
import type { ApiClient } from '@japa/api-client'
import { editorBlocksOf, versionOf } from '#newsletters/blocks/visual_edit'
import { renderBlocks } from '#newsletters/blocks/render_blocks'

const CODE = (text: string) =>
  `<mj-section>\n  <mj-column>\n    <mj-text>${text}</mj-text>\n  </mj-column>\n</mj-section>`

async function draft(body = CODE('Første udkast')) {
  return NewsletterIssue.create({
    subject: 'Nyt fra Social Talks',
    preheader: null,
    bodyMjml: body,
    status: 'draft',
    createdBy: 'anna@example.org',
  })
}

const versionsOf = (issue: NewsletterIssue) =>
  NewsletterIssueVersion.query().where('issue_id', issue.id).orderBy('id')

test.group('Composer autosave', (group) => {
  let anna: User
  let bo: User
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    anna = await UserFactory.apply('secretariat').merge({ fullName: 'Anna Hansen' }).create()
    bo = await UserFactory.apply('secretariat').merge({ fullName: 'Bo Jensen' }).create()
    return rollback
  })

  /** The form as the page's autosave posts it: the button's form, asking for JSON. */
  function autosave(
    client: ApiClient,
    user: User,
    issue: NewsletterIssue,
    body: string,
    base: string
  ) {
    return client
      .put(`/newsletters/issues/${issue.id}`)
      .header('accept', 'application/json')
      .form({ subject: issue.subject, editor: 'code', body_mjml: body, base })
      .loginAs(user)
      .withCsrfToken()
  }

  test('an autosave answers JSON with the new base and the time; a save over another is stale', async ({
    client,
    assert,
  }) => {
    const issue = await draft()
    const opened = versionOf(issue.bodyMjml)
    const saved = await autosave(client, anna, issue, CODE('Andet udkast'), opened)
    saved.assertStatus(200)
    const answer = saved.body()
    assert.equal(answer.status, 'saved')
    assert.equal(answer.base, versionOf(CODE('Andet udkast')))
    assert.match(answer.message, /^Gemt kl\. \d\d\.\d\d$/)
    assert.equal(answer.updateUrl, `/newsletters/issues/${issue.id}?_method=PUT`)
    assert.isNull(answer.blocks)

    // Bo opened the issue before Anna's autosave: his save would overwrite hers.
    const stale = await autosave(client, bo, issue, CODE('Bos udkast'), opened)
    stale.assertStatus(409)
    assert.equal(stale.body().status, 'stale')
    assert.include(stale.body().message, 'Intet er overskrevet')
    await issue.refresh()
    assert.include(issue.bodyMjml, 'Andet udkast')
  })

  test('a new issue is created by its first autosave; the visual view gets its stored blocks', async ({
    client,
    assert,
  }) => {
    const blocks = [{ type: 'heading', level: 2, text: 'Velkommen', origin: null, edited: true }]
    const created = await client
      .post('/newsletters/issues')
      .header('accept', 'application/json')
      .form({ subject: 'Forår', editor: 'visual', blocks: JSON.stringify(blocks) })
      .loginAs(anna)
      .withCsrfToken()
    created.assertStatus(200)
    const issue = await NewsletterIssue.findOrFail(created.body().id)
    assert.equal(created.body().editUrl, `/newsletters/issues/${issue.id}/edit`)
    assert.equal(created.body().presenceUrl, `/newsletters/issues/${issue.id}/presence`)
    assert.deepEqual(created.body().blocks, editorBlocksOf(issue.bodyMjml))
    assert.deepEqual(created.body().blocks[0], { ...blocks[0], origin: 0, edited: false })

    const refused = await client
      .put(`/newsletters/issues/${issue.id}`)
      .header('accept', 'application/json')
      .form({
        subject: 'Forår',
        editor: 'visual',
        base: created.body().base,
        blocks: JSON.stringify([{ ...created.body().blocks[0], text: 'I smug' }]),
      })
      .loginAs(anna)
      .withCsrfToken()
    refused.assertStatus(422)
    assert.include(refused.body().message, 'Blok 1')
  })

  test('saves keep versions: autosaves of one person within a minute fold into one', async ({
    client,
    assert,
  }) => {
    const issue = await draft()
    let base = versionOf(issue.bodyMjml)
    for (const text of ['To', 'Tre']) {
      const saved = await autosave(client, anna, issue, CODE(text), base)
      base = saved.body().base
    }
    let versions = await versionsOf(issue)
    // What was there before the first save is kept, then one version for the minute's autosaves.
    assert.deepEqual(
      versions.map((v) => [v.savedBy, v.autosave, v.bodyMjml]),
      [
        ['anna@example.org', false, CODE('Første udkast')],
        [anna.email, true, CODE('Tre')],
      ]
    )
    const audit = await db.from('audit_events').where('subject_id', String(issue.id))
    assert.lengthOf(audit, 1, 'the folded autosave is one event')

    // Another person, or a save with the button, is a version of its own.
    base = (await autosave(client, bo, issue, CODE('Fire'), base)).body().base
    await client
      .put(`/newsletters/issues/${issue.id}`)
      .form({ subject: issue.subject, editor: 'code', body_mjml: CODE('Fem'), base })
      .loginAs(bo)
      .withCsrfToken()
      .redirects(0)
    versions = await versionsOf(issue)
    assert.deepEqual(
      versions.slice(2).map((v) => [v.savedBy, v.autosave, v.bodyMjml]),
      [
        [bo.email, true, CODE('Fire')],
        [bo.email, false, CODE('Fem')],
      ]
    )

    // A minute later Anna's autosave is a new version again.
    await NewsletterIssueVersion.query()
      .where('issue_id', issue.id)
      .update({
        first_saved_at: DateTime.now().minus({ minutes: 2 }).toFormat('yyyy-MM-dd HH:mm:ss'),
      })
    await autosave(client, anna, issue, CODE('Seks'), versionOf(CODE('Fem')))
    await autosave(client, anna, issue, CODE('Syv'), versionOf(CODE('Seks')))
    versions = await versionsOf(issue)
    assert.deepEqual(
      versions.slice(4).map((v) => v.bodyMjml),
      [CODE('Syv')]
    )
  })

  test('restoring an earlier version saves it as the draft, recorded and audited; not for a sent issue', async ({
    client,
    assert,
  }) => {
    const issue = await draft()
    await autosave(client, anna, issue, CODE('Rettet'), versionOf(issue.bodyMjml))
    const page = await client.get(`/newsletters/issues/${issue.id}/edit`).loginAs(bo)
    page.assertTextIncludes('Tidligere versioner')
    page.assertTextIncludes('Gendan')
    page.assertTextIncludes('data-testid="issue-checks"')
    assert.notMatch(page.text(), /@!?[a-zA-Z.]+\(/, 'every Edge tag rendered')
    const first = (await versionsOf(issue))[0]

    const restored = await client
      .post(`/newsletters/issues/${issue.id}/restore`)
      .form({ version: first.id })
      .loginAs(bo)
      .withCsrfToken()
      .redirects(0)
    restored.assertFlashMessage(
      'success',
      'Den tidligere version er gendannet og gemt som kladden.'
    )
    await issue.refresh()
    assert.equal(issue.bodyMjml, CODE('Første udkast'))
    const versions = await versionsOf(issue)
    assert.deepEqual(versions.at(-1)!.bodyMjml, CODE('Første udkast'))
    assert.equal(versions.at(-1)!.savedBy, bo.email)
    const event = await db
      .from('audit_events')
      .where('action', 'issue.version_restored')
      .where('subject_id', String(issue.id))
      .firstOrFail()
    assert.equal(event.actor_label, bo.email)

    await issue.merge({ status: 'sent' }).save()
    const refused = await client
      .post(`/newsletters/issues/${issue.id}/restore`)
      .form({ version: versions[1].id })
      .loginAs(bo)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Kun kladder kan ændres.')
    await issue.refresh()
    assert.equal(issue.bodyMjml, CODE('Første udkast'))
  })

  test('the last 50 versions are kept, and none older than 90 days', async ({ client, assert }) => {
    const issue = await draft()
    const old = DateTime.now().minus({ days: 91 })
    await NewsletterIssueVersion.createMany(
      Array.from({ length: 55 }, (_, index) => ({
        issueId: issue.id,
        subject: issue.subject,
        preheader: null,
        bodyMjml: CODE(`Version ${index}`),
        savedBy: 'test',
        savedByUserId: null,
        autosave: false,
        firstSavedAt: index < 5 ? old : DateTime.now(),
        savedAt: index < 5 ? old : DateTime.now(),
      }))
    )
    await autosave(client, anna, issue, CODE('Ny'), versionOf(issue.bodyMjml))
    const versions = await versionsOf(issue)
    assert.lengthOf(versions, 50)
    assert.equal(versions.at(-1)!.bodyMjml, CODE('Ny'))
    assert.isTrue(versions.every((v) => v.savedAt > old.plus({ days: 1 })))
  })

  test('presence: each of two secretaries hears of the other, until they leave', async ({
    client,
    assert,
  }) => {
    const issue = await draft()
    const beat = (user: User, leaving = false) =>
      client
        .post(`/newsletters/issues/${issue.id}/presence`)
        .header('accept', 'application/json')
        .json(leaving ? { leaving: true } : {})
        .loginAs(user)
        .withCsrfToken()
    assert.deepEqual((await beat(anna)).body().others, [])
    const others = (await beat(bo)).body().others
    assert.lengthOf(others, 1)
    assert.match(others[0].message, /^Anna Hansen har også udgaven åben \(siden \d\d\.\d\d\)$/)
    assert.equal((await beat(anna)).body().others[0].name, 'Bo Jensen')
    await beat(anna, true)
    assert.deepEqual((await beat(bo)).body().others, [])

    // Someone silent for longer than two heartbeats has left.
    await db
      .from('newsletter_issue_presence')
      .update({ seen_at: DateTime.now().minus({ minutes: 5 }).toFormat('yyyy-MM-dd HH:mm:ss') })
    await beat(anna)
    assert.deepEqual((await beat(anna)).body().others, [])
  })

  test('the preview answers with the checks before sending, in both views', async ({
    client,
    assert,
  }) => {
    const code = await client
      .post('/newsletters/issues/preview')
      .json({ body_mjml: CODE('<a href="#">klik her</a>'), subject: '' })
      .loginAs(anna)
      .withCsrfToken()
    const codes = code.body().checks.map((check: { code: string }) => check.code)
    assert.includeMembers(codes, ['subject_missing', 'link_fragment'])
    assert.isString(code.body().checks[0].message)

    const blocks = editorBlocksOf(renderBlocks([{ type: 'text', html: '<p>Hej</p>' }]))
    const visual = await client
      .post('/newsletters/issues/preview')
      .json({ blocks: JSON.stringify(blocks), subject: 'Forår', preheader: 'Nyt' })
      .loginAs(anna)
      .withCsrfToken()
    assert.notInclude(
      visual.body().checks.map((check: { code: string }) => check.code),
      'subject_missing'
    )
  })
})
