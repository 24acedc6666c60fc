import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { UserFactory } from '#database/factories/user_factory'

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
})
