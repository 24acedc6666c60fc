import { test } from '@japa/runner'
import { dragOnto } from '#tests/helpers/drag'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import type { Assert } from '@japa/assert'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import type { BlockContent } from '#newsletters/blocks/block_types'
import { UserFactory } from '#database/factories/user_factory'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'

/** The editor's block cards, once its script has drawn them. */
function blockCards(page: Page) {
  return page.getByTestId('blocks').locator(':scope > li[data-block-id]')
}

async function blockTitles(page: Page) {
  await blockCards(page).first().waitFor()
  return blockCards(page).locator('.block-title').allTextContents()
}

function card(page: Page, title: string) {
  return blockCards(page).filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

/** The blocks as the form will save them, without what only the editor tracks. */
async function savedBlocks(page: Page) {
  const json = await page.locator('[data-blocks-field]').inputValue()
  return (JSON.parse(json) as Array<Record<string, unknown>>).map(
    ({ origin: _origin, edited: _edited, ...content }) => content
  )
}

/** The preview has caught up with the blocks and found nothing wrong. */
async function previewShows(page: Page, text: string) {
  await page.frameLocator('[data-testid="preview"]').getByText(text).first().waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="problems"] li'))
}

/** No WCAG 2.1 A/AA violation, and a 360 px wide phone needs no sideways scrolling. */
async function assertFitsEveryone(page: Page, assert: Assert, where: string) {
  assert.deepEqual(await accessibilityViolations(page), [], `axe on ${where}`)
  const phone = await documentWidthOnPhone(page)
  assert.isAtMost(phone.width, PHONE_WIDTH, `width of ${where}: ${phone.culprits.join(', ')}`)
}

test.group('Visual newsletter editor in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a secretary builds an issue from blocks, saves it and finds the same blocks and their MJML', async ({
    browserContext,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    await page.goto('/')
    await page.getByRole('link', { name: 'Nyhedsbreve' }).first().click()
    await page.getByRole('link', { name: 'Udgaver' }).click()
    // "Ny udgave" may offer templates first; a blank issue opens the editor here.
    await page.goto('/newsletters/issues/new')

    assert.deepEqual(await blockTitles(page), ['1. Overskrift', '2. Tekst', '3. Knap'])
    assert.equal(await page.getByLabel('Overskrift', { exact: true }).inputValue(), 'Overskrift')

    // A text block dragged from the palette in between the heading and the text.
    const palette = page.getByTestId('palette')
    await dragOnto(
      page,
      palette.getByRole('button', { name: 'Tekst', exact: true }),
      blockCards(page).nth(1)
    )
    assert.deepEqual(await blockTitles(page), ['1. Overskrift', '2. Tekst', '3. Tekst', '4. Knap'])
    const dropped = card(page, '2. Tekst')
    const text = dropped.getByRole('textbox', { name: 'Tekst', exact: true })
    await text.click()
    await dropped.getByRole('button', { name: 'Fed' }).click()
    await page.keyboard.type('Vigtigt møde')
    assert.equal(
      await dropped.getByRole('button', { name: 'Fed' }).getAttribute('aria-pressed'),
      'true'
    )
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' på torsdag.')
    await text.locator('strong', { hasText: 'Vigtigt møde' }).waitFor()

    // An article added with its palette button (as from the keyboard), then moved up.
    await palette.getByRole('button', { name: 'Artikel', exact: true }).click()
    assert.deepEqual(await blockTitles(page), [
      '1. Overskrift',
      '2. Tekst',
      '3. Tekst',
      '4. Knap',
      '5. Artikel',
    ])
    // The new block's first field has focus, so the person can start typing.
    assert.isTrue(
      await card(page, '5. Artikel')
        .getByLabel('Billedadresse (https://…)')
        .evaluate((input) => input === document.activeElement)
    )
    await card(page, '5. Artikel').getByRole('button', { name: 'Flyt op' }).click()
    assert.deepEqual(await blockTitles(page), [
      '1. Overskrift',
      '2. Tekst',
      '3. Tekst',
      '4. Artikel',
      '5. Knap',
    ])
    await page
      .getByRole('status')
      .filter({ hasText: 'flyttet til plads 4 af 5' })
      .waitFor({ state: 'attached' })
    const article = card(page, '4. Artikel')
    // The picker lists the media library's described images; none yet, so it says so.
    const choose = article.getByRole('button', { name: 'Vælg billede' })
    await choose.click()
    const picker = page.getByRole('dialog', { name: 'Vælg et billede' })
    await picker.getByText('Ingen billeder fundet.', { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await picker.waitFor({ state: 'hidden' })
    assert.isTrue(await choose.evaluate((control) => control === document.activeElement))
    await article.getByLabel('Overskrift', { exact: true }).fill('Generalforsamling')
    await article.getByRole('textbox', { name: 'Tekst', exact: true }).click()
    await page.keyboard.type('Kom og stem om det nye budget.')
    await article.getByLabel('Linktekst (valgfri)').fill('Se dagsordenen')
    await article.getByLabel('Linkadresse (valgfri)').fill('https://forening.example.dk/dagsorden')
    const button = card(page, '5. Knap')
    await button.getByLabel('Knappens tekst').fill('Tilmeld dig')
    await button.getByLabel('Link', { exact: true }).fill('https://forening.example.dk/tilmeld')
    await previewShows(page, 'Generalforsamling')
    await page.getByTestId('phone-width').click()
    const width = await page
      .getByTestId('preview')
      .evaluate((frame) => frame.getBoundingClientRect().width)
    assert.equal(Math.round(width), 375)

    const built = await savedBlocks(page)
    await page.getByLabel('Emne').fill('Nyt fra foreningen')
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()
    const issue = await NewsletterIssue.findByOrFail('subject', 'Nyt fra foreningen')
    assert.include(issue.bodyMjml, '<strong>Vigtigt møde</strong> på torsdag.')
    assert.include(issue.bodyMjml, 'https://forening.example.dk/dagsorden')

    await page.goto(`/newsletters/issues/${issue.id}/edit`)
    assert.deepEqual(await blockTitles(page), [
      '1. Overskrift',
      '2. Tekst',
      '3. Tekst',
      '4. Artikel',
      '5. Knap',
    ])
    assert.deepEqual(await savedBlocks(page), built)
    await card(page, '2. Tekst').locator('strong', { hasText: 'Vigtigt møde' }).waitFor()
    assert.equal(
      await card(page, '4. Artikel').getByLabel('Overskrift', { exact: true }).inputValue(),
      'Generalforsamling'
    )
    await assertFitsEveryone(page, assert, 'the visual editor')

    await page.getByRole('link', { name: 'Kode (MJML)' }).click()
    const code = page
      .getByRole('textbox', { name: 'Indhold (MJML)' })
      .and(page.locator('.cm-content'))
    await code.waitFor()
    assert.include(await code.textContent(), 'css-class="kb-text"')
  })

  test('a block written by hand stays locked and byte for byte the same when another block is edited', async ({
    browserContext,
    assert,
  }) => {
    const handWritten = [
      '<mj-section background-color="#fdf6e3" padding="24px">',
      '  <mj-column>',
      '    <mj-text font-size="18px"  color="#3d2b00">Skrevet i hånden &amp; <i>bevaret</i></mj-text>',
      '  </mj-column>',
      '</mj-section>',
    ].join('\n')
    const heading: BlockContent = { type: 'heading', level: 2, text: 'Velkommen' }
    const text: BlockContent = { type: 'text', html: '<p>Kære {{ first_name }}</p>' }
    const issue = await NewsletterIssue.create({
      subject: 'Håndskrevet',
      bodyMjml: renderBlocks([heading, { type: 'raw', mjml: handWritten }, text]),
      status: 'draft',
      createdBy: 'test',
    })
    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    await page.goto(`/newsletters/issues/${issue.id}/edit?editor=visual`)

    assert.deepEqual(await blockTitles(page), ['1. Overskrift', '2. Kode · Låst blok', '3. Tekst'])
    const locked = card(page, '2. Kode · Låst blok')
    await locked.getByText('Skrevet i kode – kan redigeres i kodevisningen.').waitFor()
    await locked.getByText('Skrevet i hånden &amp;', { exact: false }).waitFor()
    assert.equal(await locked.locator('input, select, [contenteditable]').count(), 0)
    await page.getByTestId('footer-block').getByText('Sidefod').waitFor()

    await card(page, '1. Overskrift')
      .getByLabel('Overskrift', { exact: true })
      .fill('Velkommen tilbage')
    await previewShows(page, 'Velkommen tilbage')
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()

    await issue.refresh()
    assert.equal(
      issue.bodyMjml,
      renderBlocks([
        { ...heading, text: 'Velkommen tilbage' },
        { type: 'raw', mjml: handWritten },
        text,
      ])
    )
    assert.include(issue.bodyMjml, `\n${handWritten}\n`)
  })

  test('a change saves itself, and the blocks then refer to the saved version', async ({
    browserContext,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const blocks: BlockContent[] = [
      { type: 'heading', level: 2, text: 'Gammel overskrift' },
      { type: 'text', html: '<p>Urørt tekst</p>' },
    ]
    const issue = await NewsletterIssue.create({
      subject: 'Forår i foreningen',
      preheader: null,
      bodyMjml: renderBlocks(blocks),
      status: 'draft',
      createdBy: 'test',
    })
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    await page.goto(`/newsletters/issues/${issue.id}/edit?editor=visual`)
    await blockTitles(page)
    const heading = card(page, '1. Overskrift').getByLabel('Overskrift', { exact: true })
    const status = page.getByTestId('autosave-status')

    await heading.fill('Ny overskrift')
    await status.getByText(/^Gemt kl\. \d\d\.\d\d$/).waitFor({ timeout: 15_000 })
    await issue.refresh()
    assert.include(issue.bodyMjml, 'Ny overskrift')
    assert.include(issue.bodyMjml, 'Urørt tekst')
    // The editor took the stored version's origins: nothing it shows is unsaved.
    const field = JSON.parse(await page.locator('[data-blocks-field]').inputValue())
    assert.deepEqual(
      field.map((block: { origin: number; edited: boolean }) => [block.origin, block.edited]),
      [
        [0, false],
        [1, false],
      ]
    )

    // A second change is saved over the first, not refused as someone else's.
    await heading.fill('Nyere overskrift')
    const deadline = Date.now() + 15_000
    while (!(await issue.refresh()).bodyMjml.includes('Nyere overskrift')) {
      assert.notInclude(await status.textContent(), 'Ikke gemt')
      assert.isBelow(Date.now(), deadline, 'the second change was saved')
      await page.waitForTimeout(250)
    }
  }).timeout(60_000)
})
