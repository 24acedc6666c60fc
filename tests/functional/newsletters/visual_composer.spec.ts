import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#identity/models/user'
import { editorBlocksOf, versionOf } from '#newsletters/blocks/visual_edit'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import type { EditorBlock } from '#newsletters/blocks/block_types'
import { foldSpace } from '#tests/helpers/text'

const HAND_WRITTEN =
  '<mj-section>\n  <mj-column>\n    <mj-text font-size="22px">Skrevet i hånden</mj-text>\n  </mj-column>\n</mj-section>'

async function issueWith(body: string) {
  return NewsletterIssue.create({
    subject: 'Nyt fra Social Talks',
    preheader: null,
    bodyMjml: body,
    status: 'draft',
    createdBy: 'test',
  })
}

/** The composer's form as the visual view posts it. */
function visualForm(
  issue: NewsletterIssue,
  blocks: unknown,
  base: string | null = versionOf(issue.bodyMjml)
) {
  return {
    subject: issue.subject,
    editor: 'visual',
    blocks: JSON.stringify(blocks),
    ...(base ? { base } : {}),
  }
}

test.group('Visual composer', (group) => {
  let secretariat: User
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    secretariat = await UserFactory.apply('secretariat').create()
    return rollback
  })

  test('an edit keeps the locked block byte for byte and renders the edited one', async ({
    client,
    assert,
  }) => {
    const typed = renderBlocks([{ type: 'heading', level: 2, text: 'Gammel overskrift' }])
    const issue = await issueWith(`${HAND_WRITTEN}\n${typed}`)
    const blocks = editorBlocksOf(issue.bodyMjml)
    assert.deepEqual(
      blocks.map((block) => block.type),
      ['raw', 'heading']
    )
    const edited: EditorBlock[] = [
      blocks[0],
      {
        ...blocks[1],
        type: 'heading',
        level: 2,
        text: 'Ny overskrift',
        edited: true,
      } as EditorBlock,
      { type: 'divider', origin: null, edited: true },
    ]
    const response = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form(visualForm(issue, edited))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Kladden er gemt.')
    await issue.refresh()
    assert.isTrue(issue.bodyMjml.startsWith(`${HAND_WRITTEN}\n`))
    assert.include(issue.bodyMjml, 'Ny overskrift')
    assert.include(issue.bodyMjml, 'css-class="kb-divider"')
  })

  test('a change the person did not make, or to a locked block, is refused and nothing saved', async ({
    client,
    assert,
  }) => {
    const typed = renderBlocks([{ type: 'text', html: '<p>Urørt</p>' }])
    const issue = await issueWith(`${HAND_WRITTEN}\n${typed}`)
    const blocks = editorBlocksOf(issue.bodyMjml)
    const sneaky = [blocks[0], { ...blocks[1], html: '<p>Ændret i smug</p>' }]
    const refused = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form(visualForm(issue, sneaky))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      'Blok 2 ville blive ændret, selv om du ikke har rettet i den. Intet er gemt; åbn udgaven igen.'
    )
    const locked = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form(visualForm(issue, [{ ...blocks[0], mjml: '<mj-section />', edited: true }, blocks[1]]))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    locked.assertFlashMessage(
      'error',
      'Blok 1 er skrevet i kode og kan kun ændres i kodevisningen. Intet er gemt.'
    )
    const unsafe = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form(
        visualForm(issue, [
          blocks[0],
          {
            type: 'button',
            label: 'Klik',
            href: 'javascript:alert(1)',
            origin: null,
            edited: true,
          },
        ])
      )
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    unsafe.assertFlashMessage(
      'error',
      'Blok 2: linket skal være en webadresse (https://…), en mailadresse (mailto:…) eller et af læserens links.'
    )
    await issue.refresh()
    assert.equal(issue.bodyMjml, `${HAND_WRITTEN}\n${typed}`)
  })

  test('a save over a version someone else saved meanwhile is refused', async ({
    client,
    assert,
  }) => {
    const issue = await issueWith(renderBlocks([{ type: 'divider' }]))
    const opened = versionOf(issue.bodyMjml)
    const blocks = editorBlocksOf(issue.bodyMjml)
    issue.bodyMjml = renderBlocks([{ type: 'spacer', size: 'large' }])
    await issue.save()
    const stale = await client
      .put(`/newsletters/issues/${issue.id}`)
      .form(visualForm(issue, [...blocks, { type: 'divider', origin: null, edited: true }], opened))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    stale.assertFlashMessage(
      'error',
      'Udgaven er gemt af en anden, efter du åbnede den. Intet er overskrevet: åbn den igen, og ret i den nyeste udgave.'
    )
    await issue.refresh()
    assert.include(issue.bodyMjml, 'height="64px"')
  })

  test('the preview renders the blocks, answers their MJML and names a bad block', async ({
    client,
    assert,
  }) => {
    const ok = await client
      .post('/newsletters/issues/preview')
      .json({
        blocks: JSON.stringify([{ type: 'heading', level: 2, text: 'Hej {{ first_name }}' }]),
      })
      .loginAs(secretariat)
      .withCsrfToken()
    ok.assertStatus(200)
    assert.include(ok.body().mjml, 'css-class="kb-heading"')
    assert.include(ok.body().html, 'Hej Ida')
    const bad = await client
      .post('/newsletters/issues/preview')
      .json({ blocks: JSON.stringify([{ type: 'image', src: 'ftp://x', alt: 'x' }]) })
      .loginAs(secretariat)
      .withCsrfToken()
    assert.equal(
      bad.body().blockProblem,
      'Blok 1: billedet skal komme fra billedbiblioteket eller en https-adresse.'
    )
  })

  test('a new issue starts from a template, and an issue can become a template', async ({
    client,
    assert,
  }) => {
    const chooser = await client.get('/newsletters/issues/start').loginAs(secretariat)
    chooser.assertStatus(200)
    assert.include(foldSpace(chooser.text()), 'Nyhedsbrev')
    const started = await client
      .post('/newsletters/issues/start')
      .form({ template: 'news' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    const issue = await NewsletterIssue.query().orderBy('id', 'desc').firstOrFail()
    started.assertHeader('location', `/newsletters/issues/${issue.id}/edit?editor=visual`)
    assert.match(issue.subject, /^Nyt fra /)
    assert.notInclude(
      editorBlocksOf(issue.bodyMjml).map((block) => block.type),
      'raw'
    )
    const editor = await client
      .get(`/newsletters/issues/${issue.id}/edit?editor=visual`)
      .loginAs(secretariat)
    editor.assertStatus(200)

    await client
      .post(`/newsletters/issues/${issue.id}/template`)
      .form({ name: 'Månedsbrev' })
      .loginAs(secretariat)
      .withCsrfToken()
    const template = await NewsletterTemplate.findByOrFail('name', 'Månedsbrev')
    assert.equal(template.bodyMjml, issue.bodyMjml)
    await client
      .post('/newsletters/issues/start')
      .form({ template: `saved-${template.id}` })
      .loginAs(secretariat)
      .withCsrfToken()
    const copy = await NewsletterIssue.query().orderBy('id', 'desc').firstOrFail()
    assert.notEqual(copy.id, issue.id)
    assert.equal(copy.bodyMjml, template.bodyMjml)

    const missing = await client
      .post('/newsletters/issues/start')
      .form({ template: 'saved-999999' })
      .loginAs(secretariat)
      .withCsrfToken()
    missing.assertStatus(404)
    await client
      .delete(`/newsletters/templates/${template.id}`)
      .loginAs(secretariat)
      .withCsrfToken()
    assert.isNull(await NewsletterTemplate.find(template.id))
    await copy.refresh()
    assert.equal(copy.bodyMjml, issue.bodyMjml)
  })
})
