import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { foldSpace } from '#tests/helpers/text'

const SECTIONS =
  '<mj-section>\n  <mj-column>\n    <mj-text>Kære {{ first_name }}</mj-text>\n  </mj-column>\n</mj-section>'

test.group('Newsletter composer', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the secretariat saves a draft and sees it previewed for a sample reader', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
      .with('consentTexts', 1)
      .create()
    const form = await client.get('/newsletters/issues/new?editor=code').loginAs(secretariat)
    form.assertStatus(200)
    form.assertTextIncludes('Pladsholdere: {{ first_name }}')

    const save = await client
      .post('/newsletters/issues')
      .form({
        'subject': 'Velkommen til Social Talks',
        'body_mjml': SECTIONS,
        'lists[]': [String(list.id)],
      })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    const issue = await NewsletterIssue.query().preload('lists').firstOrFail()
    save.assertHeader('location', `/newsletters/issues/${issue.id}/edit?editor=code`)
    assert.equal(issue.status, 'draft')
    assert.deepEqual(
      issue.lists.map((l) => l.name),
      ['Nyhedsbrev']
    )

    const edit = await client.get(`/newsletters/issues/${issue.id}/edit`).loginAs(secretariat)
    edit.assertStatus(200)
    assert.include(edit.text(), 'Kære Ida')
  })

  test('the preview answers with problems by line, or the filled copy', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const broken = await client
      .post('/newsletters/issues/preview')
      .json({
        body_mjml: SECTIONS.replace('</mj-text>', '').replace('{{ first_name }}', '{{ fornavn }}'),
      })
      .header('accept', 'application/json')
      .loginAs(secretariat)
      .withCsrfToken()
    broken.assertStatus(200)
    assert.isNull(broken.body().html)
    assert.deepEqual(
      broken.body().problems.map((problem: { line: number }) => problem.line),
      [3, 3]
    )

    const good = await client
      .post('/newsletters/issues/preview')
      .json({ body_mjml: SECTIONS, preheader: 'Nyt fra Social Talks' })
      .header('accept', 'application/json')
      .loginAs(secretariat)
      .withCsrfToken()
    assert.deepEqual(good.body().problems, [])
    assert.include(good.body().html, 'Kære Ida')
    assert.include(good.body().html, 'Nyt fra Social Talks')
  })

  test('a saved draft with problems shows them on its page', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await client
      .post('/newsletters/issues')
      .form({ subject: 'Fejl', body_mjml: SECTIONS.replace('</mj-column>', '</mj-colum>') })
      .loginAs(secretariat)
      .withCsrfToken()
    const issue = await NewsletterIssue.firstOrFail()
    const page = await client.get(`/newsletters/issues/${issue.id}/edit`).loginAs(secretariat)
    assert.include(
      foldSpace(page.text()),
      'linje 4: &lt;/mj-colum&gt; closes &lt;mj-column&gt; opened on line 2'
    )
  })

  test('an old issue is copied to a new draft', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const sent = await NewsletterIssue.create({
      subject: 'Januar',
      bodyMjml: SECTIONS,
      status: 'sent',
      createdBy: 'x',
    })
    const copy = await client
      .post(`/newsletters/issues/${sent.id}/duplicate`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    copy.assertFlashMessage('success', 'Udgaven er kopieret til en ny kladde.')
    const draft = await NewsletterIssue.query().where('status', 'draft').firstOrFail()
    assert.equal(draft.subject, 'Kopi af Januar')
    assert.equal(draft.bodyMjml, SECTIONS)

    const change = await client
      .put(`/newsletters/issues/${sent.id}`)
      .form({ subject: 'Ændret', body_mjml: SECTIONS })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    change.assertFlashMessage('error', 'Kun kladder kan ændres.')
    await sent.refresh()
    assert.equal(sent.subject, 'Januar')
  })

  test('the board reads the issues but does not write them', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    ;(await client.get('/newsletters/issues').loginAs(board)).assertStatus(200)
    ;(await client.get('/newsletters/issues/new').loginAs(board)).assertStatus(403)
    ;(
      await client
        .post('/newsletters/issues/preview')
        .json({ body_mjml: SECTIONS })
        .loginAs(board)
        .withCsrfToken()
    ).assertStatus(403)
  })
})
