/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { accessibilityViolations } from '#tests/helpers/page_checks'

/*
| A form that fails says so first: the error summary is focused when the page
| loads, so a screen reader reads it before anything else, it names each field
| in error and leads to it, and every field still holds what was typed
| (WCAG 2.1: 3.3.1, 3.3.3, 4.1.3).
*/
test.group('Error summary', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a failed save of the settings is announced, lists its errors and keeps the input', async ({
    browserContext,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await browserContext.loginAs(admin)
    const page = await browserContext.newPage()
    await page.goto('/settings')

    await page.fill('#field-postcode', '800')
    await page.fill('#field-motion_deadline_days', '0')
    await page.fill('#field-address', 'Vesterbrogade 1, 2. "th"')
    await page.uncheck('#field-vat_exempt')
    await page.click('form[enctype] button[type="submit"]')
    await page.waitForSelector('[data-testid="error-summary"]')

    const active = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    assert.equal(active, 'error-summary', 'the summary has focus when the page loads')
    const summary = page.locator('[data-testid="error-summary"]')
    assert.equal(await summary.getAttribute('role'), 'alert')
    assert.include(await summary.innerText(), 'Der er et problem')
    const link = summary.getByRole('link', { name: /^Postnummer: / })
    assert.equal(await link.getAttribute('href'), '#field-postcode')

    assert.equal(await page.inputValue('#field-postcode'), '800')
    assert.equal(await page.inputValue('#field-motion_deadline_days'), '0')
    assert.equal(await page.inputValue('#field-address'), 'Vesterbrogade 1, 2. "th"')
    assert.isFalse(await page.isChecked('#field-vat_exempt'))
    assert.equal(await page.getAttribute('#field-postcode', 'aria-invalid'), 'true')
    assert.equal(
      await page.getAttribute('#field-postcode', 'aria-describedby'),
      'field-postcode-error'
    )

    await link.click()
    assert.equal(await page.evaluate(() => location.hash), '#field-postcode')
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('a filter of the audit log that does not parse gets the same summary, focused', async ({
    browserContext,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await browserContext.loginAs(board)
    const page = await browserContext.newPage()
    await page.goto('/audit?from=ig%C3%A5r&module=members')
    await page.waitForSelector('[data-testid="error-summary"]')

    const active = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    assert.equal(active, 'error-summary', 'the summary has focus when the page loads')
    const link = page
      .locator('[data-testid="error-summary"]')
      .getByRole('link', { name: /^Fra dato: / })
    assert.equal(await link.getAttribute('href'), '#field-from')
    assert.equal(await page.getAttribute('#field-from', 'aria-invalid'), 'true')
    assert.equal(await page.inputValue('#field-module'), 'members')
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
