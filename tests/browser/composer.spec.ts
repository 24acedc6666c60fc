import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { UserFactory } from '#database/factories/user_factory'
import type { Page } from 'playwright'

test.group('Newsletter composer in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an error is marked on its line as you type; fixed, the preview shows it; phone width; saved as typed', async ({
    browserContext,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    // A new issue opens in the visual view; this is the code view's test.
    await page.goto('/newsletters/issues/new?editor=code')

    // The code editor, labelled like the textarea it replaces; it mounts once its script has loaded.
    const editor = page
      .getByRole('textbox', { name: 'Indhold (MJML)' })
      .and(page.locator('.cm-content'))
    const replaceText = async (text: string) => {
      await editor.click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(text)
    }
    const broken = [
      '<mj-section>',
      '  <mj-column>',
      '    <mj-text>Kære {{ first_name }}, velkommen',
      '  </mj-column>',
      '</mj-section>',
    ].join('\n')
    await replaceText(broken)
    const problems = page.getByTestId('problems')
    await problems.getByText(/linje 3: <mj-text> is never closed/).waitFor()
    await page.locator('.cm-lint-marker-error').waitFor()
    assert.equal(await page.locator('.cm-lint-marker-error').count(), 1)
    const thirdLine = page.locator('.cm-line').nth(2)
    assert.isAbove(await thirdLine.locator('.cm-lintRange-error').count(), 0)
    const markerTop = await page
      .locator('.cm-gutterElement', { has: page.locator('.cm-lint-marker-error') })
      .evaluate((element) => element.getBoundingClientRect().top)
    const lineTop = await thirdLine.evaluate((element) => element.getBoundingClientRect().top)
    assert.closeTo(markerTop, lineTop, 2)

    const fixed = broken.replace('velkommen', 'velkommen til Social Talks</mj-text>')
    await replaceText(fixed)
    await page.waitForFunction(() => document.querySelector('[data-testid="problems"] li') === null)
    await page.locator('.cm-lint-marker-error').waitFor({ state: 'detached' })
    const frame = page.frameLocator('[data-testid="preview"]')
    await frame.getByText('Kære Ida, velkommen til Social Talks').waitFor()

    await page.getByTestId('phone-width').click()
    const width = await page
      .getByTestId('preview')
      .evaluate((element) => element.getBoundingClientRect().width)
    assert.equal(Math.round(width), 375)

    await page.getByLabel('Emne').fill('Velkommen')
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()
    const issue = await NewsletterIssue.findByOrFail('subject', 'Velkommen')
    // A submitted textarea's line breaks are CRLF.
    assert.equal(issue.bodyMjml.replaceAll('\r\n', '\n'), fixed)

    await page.reload()
    await editor.waitFor()
    assert.equal((await page.locator('.cm-line').allTextContents()).join('\n'), fixed)
  })

  test('two secretaries on one issue are warned of each other; an earlier version comes back; dark mode and live checks', async ({
    browserContext,
    assert,
  }) => {
    const anna = await UserFactory.apply('secretariat').merge({ fullName: 'Anna Hansen' }).create()
    const bo = await UserFactory.apply('secretariat').merge({ fullName: 'Bo Jensen' }).create()
    const section = (text: string) =>
      `<mj-section>\n  <mj-column>\n    <mj-text>${text}</mj-text>\n  </mj-column>\n</mj-section>`
    const issue = await NewsletterIssue.create({
      subject: 'Forår i foreningen',
      preheader: 'Nyt fra bestyrelsen',
      bodyMjml: section('Første tekst'),
      status: 'draft',
      createdBy: 'test',
    })
    const address = `/newsletters/issues/${issue.id}/edit?editor=code`
    const heartbeat = (page: Page) =>
      page.waitForResponse((response) => response.url().endsWith('/presence'))

    await browserContext.loginAs(anna)
    const annaPage = await browserContext.newPage()
    const annaBeat = heartbeat(annaPage)
    await annaPage.goto(address)
    await annaBeat
    const boContext = await browserContext
      .browser()!
      .newContext({ baseURL: new URL(annaPage.url()).origin })
    await boContext.loginAs(bo)
    const boPage = await boContext.newPage()
    await boPage.goto(address)
    await boPage
      .getByTestId('presence')
      .getByText(/^Anna Hansen har også udgaven åben \(siden \d\d\.\d\d\)$/)
      .waitFor()
    // Anna hears of Bo at her next heartbeat; reloading sends one at once.
    await annaPage.reload()
    await annaPage
      .getByTestId('presence')
      .getByText(/^Bo Jensen har også udgaven åben/)
      .waitFor()
    await boContext.close()

    // Anna's typing saves itself; the version before it stays in the history.
    const editor = annaPage.locator('.cm-content')
    await editor.click()
    await annaPage.keyboard.press('Control+A')
    await annaPage.keyboard.insertText(section('Anden tekst'))
    await annaPage
      .getByTestId('autosave-status')
      .getByText(/^Gemt kl\./)
      .waitFor({ timeout: 15_000 })
    assert.include((await issue.refresh()).bodyMjml, 'Anden tekst')
    await annaPage.reload()
    const history = annaPage.getByTestId('issue-history')
    await history
      .getByRole('button', { name: /^Gendan versionen fra / })
      .first()
      .click()
    await annaPage.getByText('Den tidligere version er gendannet og gemt som kladden.').waitFor()
    await annaPage.locator('.cm-content').getByText('Første tekst').waitFor()
    assert.equal((await issue.refresh()).bodyMjml, section('Første tekst'))

    // Dark mode inverts the page and turns images back, as mail programs do.
    const dark = annaPage.getByTestId('dark-mode')
    await dark.click()
    assert.equal(await dark.getAttribute('aria-pressed'), 'true')
    const filter = await annaPage
      .frameLocator('[data-testid="preview"]')
      .locator('html')
      .evaluate((element) => getComputedStyle(element).filter)
    assert.include(filter, 'invert(1)')

    // The checks beside the preview follow the form: no subject is a blocking finding.
    const checks = annaPage.getByTestId('issue-checks')
    assert.equal(await checks.locator('[data-code="subject_missing"]').count(), 0)
    await annaPage.getByLabel('Emne').fill('')
    await checks.locator('[data-code="subject_missing"][data-blocking="true"]').waitFor()
  }).timeout(90_000)

  test('a new issue is created by its first autosave and the page becomes its edit page', async ({
    browserContext,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    await page.goto('/newsletters/issues/new?editor=code')
    await page.locator('.cm-content').waitFor()
    await page.getByLabel('Emne').fill('Sommerhilsen')
    await page
      .getByTestId('autosave-status')
      .getByText(/^Gemt kl\./)
      .waitFor({ timeout: 15_000 })
    const issue = await NewsletterIssue.findByOrFail('subject', 'Sommerhilsen')
    assert.equal(new URL(page.url()).pathname, `/newsletters/issues/${issue.id}/edit`)

    // The button now saves the same issue, over the version the autosave made.
    await page.getByLabel('Preheader', { exact: true }).fill('Lidt om sommeren')
    await page.getByRole('button', { name: 'Gem kladde' }).click()
    await page.getByText('Kladden er gemt.').waitFor()
    const issues = await NewsletterIssue.query().where('subject', 'Sommerhilsen')
    assert.deepEqual(
      issues.map((saved) => [saved.id, saved.preheader]),
      [[issue.id, 'Lidt om sommeren']]
    )
  }).timeout(60_000)
})
