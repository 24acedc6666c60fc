import { test } from '@japa/runner'
import { dragOnto } from '#tests/helpers/drag'
import testUtils from '@adonisjs/core/services/test_utils'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { toUsableMedia } from '#newsletters/queries/media_library'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { png } from '#tests/helpers/media_images'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'

/** Light grey on white: about 1.9:1, well under the 4.5:1 body text needs. */
const PALE = '#bbbbbb'
const DARK = '#333333'
const REMINDER = 'Husk generalforsamlingen den 12. marts.'

/**
 * A template as a secretary would have saved it: visual blocks around one
 * section written by hand in MJML, which the visual view shows locked and
 * only the code view can change.
 */
function templateMjml() {
  const handWritten = [
    '<mj-section background-color="#ffffff">',
    '  <mj-column>',
    `    <mj-text color="${PALE}">${REMINDER}</mj-text>`,
    '  </mj-column>',
    '</mj-section>',
  ].join('\n')
  return renderBlocks([
    { type: 'heading', level: 2, text: 'Nyt fra Social Talks' },
    { type: 'text', html: '<p>Kære {{ first_name }}, her er forårets nyheder.</p>' },
    { type: 'raw', mjml: handWritten },
    { type: 'button', label: 'Del med en kollega', href: '{{ share_url }}' },
  ])
}

function blockCards(page: Page) {
  return page.getByTestId('blocks').locator(':scope > li[data-block-id]')
}

async function blockTitles(page: Page) {
  await blockCards(page).first().waitFor()
  return blockCards(page).locator('.block-title').allTextContents()
}

/**
 * What axe finds against WCAG 2.1 A/AA, and whether a 360 px wide phone must
 * scroll sideways. Collected rather than thrown, so one run of the journey
 * names every page's problems at its end.
 */
async function pageProblems(page: Page, where: string) {
  const found = (await accessibilityViolations(page)).map((line) => `${where}: ${line}`)
  const phone = await documentWidthOnPhone(page)
  if (phone.width > PHONE_WIDTH) {
    found.push(`${where}: ${phone.width} px wide on a phone (${phone.culprits.join(', ')})`)
  }
  return found
}

/** The send page's findings, as `code: message` lines, blocking ones marked. */
async function findings(page: Page) {
  const checks = page.getByTestId('issue-checks')
  await checks.waitFor()
  return checks.getByTestId('check').evaluateAll((items) =>
    items.map((item) => {
      const code = item.getAttribute('data-code') ?? 'mjml'
      const blocking = item.getAttribute('data-blocking') === 'true' ? ' (blocking)' : ''
      return `${code}${blocking}: ${item.textContent!.replace(/\s+/g, ' ').trim()}`
    })
  )
}

test.group('A newsletter from template to test mail in the browser', (group) => {
  let catcher: MailCatcher
  let folder: string
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    folder = await mkdtemp(join(tmpdir(), 'kreds-journey-'))
    return async () => {
      await catcher.stop()
      await rm(folder, { recursive: true, force: true })
    }
  })

  test('a secretary uploads a picture, starts from a saved template, adds the picture, fixes the flagged contrast and reads the test mail', async ({
    visit,
    assert,
  }) => {
    const pageChecks: string[] = []
    const settings = await getAssociationSettings()
    settings.merge({
      name: 'Social Talks',
      address: 'Vesterbrogade 1',
      postcode: '1620',
      city: 'København V',
      email: 'kontakt@socialtalks.example',
    })
    await settings.save()
    await NewsletterTemplate.create({
      name: 'Forårsbrev',
      description: 'Nyheder, en påmindelse og delingsknappen.',
      bodyMjml: templateMjml(),
      createdBy: 'test',
    })
    const secretary = await UserFactory.apply('secretariat').create()
    // A real picture, as a phone or camera would hand it over.
    const photo = join(folder, 'generalforsamling.png')
    await writeFile(photo, await png(800, 450, 42))
    const altText = 'Medlemmer samlet i salen til generalforsamlingen'

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(secretary.email)
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD)
    await page.locator('form[action="/login"]').getByRole('button', { name: 'Log ind' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    // The media library: upload, then describe, or the picker will not offer the image.
    await page.locator('#main-nav').getByRole('link', { name: 'Nyhedsbreve', exact: true }).click()
    await page.getByRole('link', { name: 'Billeder', exact: true }).click()
    await page.getByRole('heading', { name: 'Billeder', level: 1 }).waitFor()
    await page.getByLabel(/Billedfil \(JPEG/).setInputFiles(photo)
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await page
      .getByText('Billedet "generalforsamling.png" er uploadet.', { exact: false })
      .waitFor()
    const tile = page.getByTestId('media-grid').getByRole('listitem')
    await tile.getByTestId('missing-alt').waitFor()
    await tile.getByLabel('Alternativ tekst').fill(altText)
    await tile.getByRole('button', { name: 'Gem tekst' }).click()
    await page.getByText('Den alternative tekst er gemt.').waitFor()
    assert.equal(await tile.getByTestId('missing-alt').count(), 0)
    pageChecks.push(...(await pageProblems(page, 'the media library')))
    const media = await NewsletterMedia.findByOrFail('originalName', 'generalforsamling.png')
    const imageUrl = toUsableMedia(media).urls['1200']

    // Nyhedsbreve → Udgaver → Ny udgave, from the saved template.
    await page.locator('#main-nav').getByRole('link', { name: 'Nyhedsbreve', exact: true }).click()
    await page.getByRole('link', { name: 'Udgaver', exact: true }).click()
    await page.getByRole('link', { name: 'Ny udgave', exact: true }).click()
    await page.getByRole('heading', { name: 'Ny udgave', level: 1 }).waitFor()
    pageChecks.push(...(await pageProblems(page, 'the template chooser')))
    await page
      .getByTestId('saved-templates')
      .getByRole('button', { name: 'Brug skabelonen Forårsbrev' })
      .click()
    assert.deepEqual(await blockTitles(page), [
      '1. Overskrift',
      '2. Tekst',
      '3. Kode · Låst blok',
      '4. Knap',
    ])

    // An image block dragged from the palette to just before the reminder, filled from the library.
    await dragOnto(
      page,
      page.getByTestId('palette').getByRole('button', { name: 'Billede', exact: true }),
      blockCards(page).nth(2)
    )
    assert.deepEqual(await blockTitles(page), [
      '1. Overskrift',
      '2. Tekst',
      '3. Billede',
      '4. Kode · Låst blok',
      '5. Knap',
    ])
    const imageCard = blockCards(page).nth(2)
    await imageCard.getByRole('button', { name: 'Vælg billede' }).click()
    const picker = page.getByRole('dialog', { name: 'Vælg et billede' })
    await picker.getByRole('button').filter({ hasText: altText }).click()
    await picker.waitFor({ state: 'hidden' })
    assert.equal(await imageCard.getByLabel('Alternativ tekst').inputValue(), altText)
    assert.equal(await imageCard.getByLabel('Billedadresse (https://…)').inputValue(), imageUrl)
    await page
      .frameLocator('[data-testid="preview"]')
      .locator(`img[alt="${altText}"]`)
      .waitFor({ state: 'attached' })
    const subject = 'Forårsnyt fra Social Talks'
    await page.getByLabel('Emne').fill(subject)
    await page
      .getByLabel('Preheader', { exact: true })
      .fill('Generalforsamling, billeder og nyt fra foreningen')
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()
    const issue = await NewsletterIssue.findByOrFail('subject', subject)
    assert.include(issue.bodyMjml, imageUrl)

    // The send page names the pale reminder.
    await page.getByRole('link', { name: 'Send eller planlæg' }).click()
    await page.waitForURL((url) => url.pathname === `/newsletters/issues/${issue.id}`)
    const before = await findings(page)
    const contrast = before.filter((line) => line.startsWith('low_contrast'))
    assert.lengthOf(contrast, 1, before.join('\n'))
    assert.include(contrast[0], REMINDER)
    assert.include(contrast[0], PALE)
    pageChecks.push(...(await pageProblems(page, 'the send page')))

    // The hand-written section is fixed in the code view, where it can be edited.
    await page.getByRole('link', { name: 'Redigér kladden' }).click()
    await page.getByRole('link', { name: 'Kode (MJML)' }).click()
    const code = page
      .getByRole('textbox', { name: 'Indhold (MJML)' })
      .and(page.locator('.cm-content'))
    await code.waitFor()
    await issue.refresh()
    assert.include(issue.bodyMjml, `color="${PALE}"`)
    await code.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(issue.bodyMjml.replace(`color="${PALE}"`, `color="${DARK}"`))
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()
    await issue.refresh()
    assert.include(issue.bodyMjml, `<mj-text color="${DARK}">${REMINDER}</mj-text>`)
    assert.include(issue.bodyMjml, imageUrl)

    await page.goto(`/newsletters/issues/${issue.id}`)
    const after = await findings(page)
    assert.deepEqual(
      after.filter((line) => line.startsWith('low_contrast') || line.includes('(blocking)')),
      [],
      after.join('\n')
    )

    // A test to her own address, sent from the edit page.
    await page.getByRole('link', { name: 'Redigér kladden' }).click()
    await page.getByRole('textbox', { name: 'Til', exact: true }).fill(secretary.email)
    await page.getByRole('button', { name: 'Send test' }).click()
    await page.getByText('Testen er sendt til 1 adresse.').waitFor()
    const mail = await catcher.waitFor((message) =>
      recipientsOf(message).includes(secretary.email.toLowerCase())
    )

    assert.equal(mail.subject, `[Test] ${subject}`)
    assert.deepEqual(
      mail.from?.value.map(({ name, address }) => ({ name, address })),
      [{ name: 'Social Talks', address: 'kontakt@socialtalks.example' }]
    )
    const html = typeof mail.html === 'string' ? mail.html : ''
    assert.match(html, /<html[^>]*\blang="da"/)
    assert.equal(/<title>([^<]*)<\/title>/.exec(html)?.[1], subject)
    const sources = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((match) => match[1])
    assert.include(sources, imageUrl)
    assert.match(new URL(imageUrl).pathname, /^\/media\//)
    // The address in the mail answers with the picture itself.
    const image = await fetch(imageUrl)
    assert.equal(image.status, 200)
    assert.equal(image.headers.get('content-type'), 'image/png')

    // Every link leads somewhere real: no fragments, no placeholder left unfilled.
    const hrefs = [...html.matchAll(/\bhref="([^"]*)"/g)].map((match) => match[1])
    assert.isNotEmpty(hrefs)
    assert.deepEqual(
      hrefs.filter((href) => href.startsWith('#') || /\{\{|%7B%7B/i.test(href)),
      []
    )
    assert.notInclude(mail.text ?? '', '{{')

    const unsubscribe = findLink(mail, '/u/')
    const answer = await fetch(unsubscribe)
    assert.equal(answer.status, 200)
    assert.include(await answer.text(), 'Afmeld nyhedsbreve')

    assert.deepEqual(pageChecks, [], 'axe and phone width on the pages of the journey')
  })
})
