import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

test.group('Newsletter composer in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an error is shown with its line as you type; fixed, the preview shows it; phone width', async ({
    browserContext,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()
    await page.goto('/newsletters/issues/new')

    const editor = page.locator('#field-body_mjml')
    const broken = [
      '<mj-section>',
      '  <mj-column>',
      '    <mj-text>Kære {{ first_name }}, velkommen',
      '  </mj-column>',
      '</mj-section>',
    ].join('\n')
    await editor.fill(broken)
    await editor.dispatchEvent('input')
    const problems = page.getByTestId('problems')
    await problems.getByText(/linje 3: <mj-text> is never closed/).waitFor()

    await editor.fill(broken.replace('velkommen', 'velkommen til Social Talks</mj-text>'))
    await editor.dispatchEvent('input')
    await page.waitForFunction(() => document.querySelector('[data-testid="problems"] li') === null)
    const frame = page.frameLocator('[data-testid="preview"]')
    await frame.getByText('Kære Ida, velkommen til Social Talks').waitFor()

    await page.getByTestId('phone-width').click()
    const width = await page
      .getByTestId('preview')
      .evaluate((element) => element.getBoundingClientRect().width)
    assert.equal(Math.round(width), 375)
  })
})
