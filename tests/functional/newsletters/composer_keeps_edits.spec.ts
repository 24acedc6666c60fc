import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#identity/models/user'
import { editorBlocksOf, versionOf } from '#newsletters/blocks/visual_edit'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { shownField } from '#tests/helpers/form_html'

const HAND_WRITTEN =
  '<mj-section>\n  <mj-column>\n    <mj-text>Skrevet i hånden</mj-text>\n  </mj-column>\n</mj-section>'

async function issueWith(body: string) {
  return NewsletterIssue.create({
    subject: 'Nyt fra Social Talks',
    preheader: null,
    bodyMjml: body,
    status: 'draft',
    createdBy: 'test',
  })
}

/** A button whose link no reader can follow: the save refuses the blocks. */
const REFUSED_BUTTON = {
  type: 'button',
  label: 'Tilmeld dig "nu"',
  href: 'javascript:alert(1)',
  origin: null,
  edited: true,
}

/**
 * A refused save of the visual view comes back with the person's blocks, in
 * the visual view, not with the blocks on record: the editor is built from
 * the hidden `blocks` field, so that field must hold what was sent.
 */
test.group('The composer keeps the edits of a refused save', (group) => {
  let secretariat: User
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    secretariat = await UserFactory.apply('secretariat').create()
    return rollback
  })

  test('refused blocks of an issue in blocks come back as they were sent', async ({
    client,
    assert,
  }) => {
    const stored = renderBlocks([{ type: 'heading', level: 2, text: 'Gammel overskrift' }])
    const issue = await issueWith(stored)
    const [heading] = editorBlocksOf(issue.bodyMjml)
    const sent = [{ ...heading, text: 'Ny overskrift, skrevet om', edited: true }, REFUSED_BUTTON]
    const page = `/newsletters/issues/${issue.id}/edit`
    const response = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form({
        subject: 'Nyt fra Social Talks',
        editor: 'visual',
        blocks: JSON.stringify(sent),
        base: versionOf(issue.bodyMjml),
      })
      .header('referer', page)
      .loginAs(secretariat)
      .withCsrfToken()
    response.assertStatus(200)
    assert.include(response.text(), 'Blok 2: linket skal være en webadresse')
    assert.deepEqual(shownField(response.text(), 'blocks'), {
      kind: 'text',
      value: JSON.stringify(sent),
    })
    await issue.refresh()
    assert.equal(issue.bodyMjml, stored)
  })

  test('an issue written in code, edited in the visual view, stays in the visual view', async ({
    client,
    assert,
  }) => {
    const issue = await issueWith(HAND_WRITTEN)
    const [raw] = editorBlocksOf(issue.bodyMjml)
    const sent = [raw, { type: 'text', html: '<p>Et nyt afsnit</p>', origin: null, edited: true }]
    const response = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form({
        subject: 'Nyt fra Social Talks',
        editor: 'visual',
        blocks: JSON.stringify([...sent, REFUSED_BUTTON]),
        base: versionOf(issue.bodyMjml),
      })
      .header('referer', `/newsletters/issues/${issue.id}/edit?editor=visual`)
      .loginAs(secretariat)
      .withCsrfToken()
    response.assertStatus(200)
    assert.include(response.text(), 'data-blocks-field')
    assert.deepEqual(shownField(response.text(), 'blocks'), {
      kind: 'text',
      value: JSON.stringify([...sent, REFUSED_BUTTON]),
    })
  })

  test('the refused blocks of a new issue come back in its visual view', async ({
    client,
    assert,
  }) => {
    const sent = [
      { type: 'heading', level: 1, text: 'Et nyt nummer', edited: true },
      REFUSED_BUTTON,
    ]
    const response = await client
      .post('/newsletters/issues')
      .form({ subject: 'Et nyt nummer', editor: 'visual', blocks: JSON.stringify(sent) })
      .header('referer', '/newsletters/issues/new')
      .loginAs(secretariat)
      .withCsrfToken()
    response.assertStatus(200)
    assert.include(response.text(), 'Blok 2: linket skal være en webadresse')
    assert.deepEqual(shownField(response.text(), 'blocks'), {
      kind: 'text',
      value: JSON.stringify(sent),
    })
    assert.deepEqual(shownField(response.text(), 'subject'), {
      kind: 'text',
      value: 'Et nyt nummer',
    })
    assert.isNull(await NewsletterIssue.query().where('subject', 'Et nyt nummer').first())
  })

  test('an autosave of refused blocks answers why and saves nothing', async ({
    client,
    assert,
  }) => {
    const stored = renderBlocks([{ type: 'divider' }])
    const issue = await issueWith(stored)
    const response = await client
      .put(`/newsletters/issues/${issue.id}`)
      .header('accept', 'application/json')
      .form({
        subject: 'Nyt fra Social Talks',
        editor: 'visual',
        blocks: JSON.stringify([REFUSED_BUTTON]),
        base: versionOf(issue.bodyMjml),
      })
      .loginAs(secretariat)
      .withCsrfToken()
    response.assertStatus(422)
    assert.equal(response.body().status, 'blocks_refused')
    assert.include(response.body().message, 'Blok 1: linket skal være en webadresse')
    await issue.refresh()
    assert.equal(issue.bodyMjml, stored)
  })
})
