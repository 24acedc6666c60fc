/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

/*
| The main journeys with the keyboard alone: the skip link comes first and
| moves focus to the content, every focused control shows where focus is,
| logging in needs no mouse, and a dialog keeps focus inside until it is
| closed (WCAG 2.1: 2.1.1, 2.1.2, 2.4.1, 2.4.7).
*/

/** What has focus, and whether it is drawn with a visible focus indicator. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return null
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' ? Number.parseFloat(style.outlineWidth) : 0
    return {
      text: (
        element.getAttribute('aria-label') ??
        element.getAttribute('name') ??
        element.textContent ??
        ''
      )
        .trim()
        .slice(0, 40),
      tag: element.tagName.toLowerCase(),
      visible: outline >= 2 || style.boxShadow !== 'none',
      inDialog: Boolean(element.closest('dialog[open]')),
    }
  })
}

test.group('Keyboard only', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the skip link comes first and a person logs in with the keyboard alone', async ({
    browserContext,
    assert,
  }) => {
    const user = await UserFactory.apply('board').create()
    const page = await browserContext.newPage()
    await page.goto('/login')

    await page.keyboard.press('Tab')
    const skip = await focused(page)
    assert.equal(skip?.text, 'Gå til indhold')
    assert.isTrue(skip?.visible, 'the skip link shows focus')
    const box = await page.locator('.skip-link').boundingBox()
    assert.isNotNull(box, 'the focused skip link is on screen')
    assert.isAtLeast(box!.y, 0)
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')

    // From the content: the e-mail field, the password, then Enter submits.
    await page.keyboard.press('Tab')
    assert.equal(
      await page.evaluate(() => (document.activeElement as HTMLInputElement).name),
      'email'
    )
    await page.keyboard.type(user.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(TEST_PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/')
  })

  test('every control on the start page and the members page shows its focus', async ({
    browserContext,
    assert,
  }) => {
    const user = await UserFactory.apply('admin').create()
    await browserContext.loginAs(user)
    const page = await browserContext.newPage()
    for (const path of ['/', '/members', '/dues', '/newsletters/issues']) {
      await page.goto(path)
      const hidden: string[] = []
      let reached = 0
      for (let press = 0; press < 40; press++) {
        await page.keyboard.press('Tab')
        const now = await focused(page)
        if (!now) break
        reached++
        if (!now.visible) hidden.push(`${now.tag} "${now.text}"`)
      }
      assert.isAbove(reached, 5, `controls reached on ${path}`)
      assert.deepEqual(hidden, [], `focus not shown on ${path}`)
    }
  })

  test('the image picker keeps focus inside until Escape, then gives it back', async ({
    browserContext,
    assert,
  }) => {
    const user = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(user)
    const page = await browserContext.newPage()
    await page.goto('/newsletters/issues/new')
    // The editor has drawn the starting blocks: its script is listening.
    await page.getByText('3. Knap').waitFor()
    await page
      .getByTestId('palette')
      .getByRole('button', { name: 'Artikel', exact: true })
      .press('Enter')
    await page.getByText('4. Artikel').waitFor()
    const choose = page.getByRole('button', { name: 'Vælg billede' }).first()
    await choose.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Vælg et billede' }).waitFor()

    const outside: string[] = []
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Tab')
      const now = await focused(page)
      if (now && !now.inDialog) outside.push(`${now.tag} "${now.text}"`)
    }
    assert.deepEqual(outside, [], 'focus left the open dialog')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Vælg et billede' }).waitFor({ state: 'hidden' })
    assert.isTrue(await choose.evaluate((control) => control === document.activeElement))
  })
})
