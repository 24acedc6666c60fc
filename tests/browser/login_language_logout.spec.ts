/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#identity/models/user'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

test.group('Staff journey in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('log in, switch to English, log out', async ({ visit, assert }) => {
    const user = await UserFactory.apply('admin').merge({ fullName: 'Anne Admin' }).create()

    const page = await visit('/login')
    await page.assertTitle('Log ind – Kreds')
    await page.getByLabel('E-mail').fill(user.email)
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD)
    await page.locator('form[action="/login"]').getByRole('button', { name: 'Log ind' }).click()

    await page.waitForURL((url) => url.pathname === '/')
    await page.assertTextContains('h1', 'Velkommen, Anne Admin')
    await page.assertVisible(page.getByRole('link', { name: 'Generalforsamlinger' }))

    await page.getByTestId('account-link').click()
    await page.waitForURL((url) => url.pathname === '/account')
    await page.locator('#account-locale').selectOption('en')
    await page.getByTestId('change-language').click()
    await page.waitForURL((url) => url.pathname === '/account')
    await page.assertTextContains('h1', 'My account')
    await page.assertTextContains('.flash.success', 'The language is now English.')
    await page.assertVisible(page.getByRole('link', { name: 'General assemblies' }))
    assert.equal((await User.findOrFail(user.id)).locale, 'en')

    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.assertTextContains('h1', 'Log in')
    await page.assertTextContains('.flash.success', 'You are logged out.')

    await page.goto('/')
    await page.waitForURL((url) => url.pathname === '/login')
  })

  test('a wrong password shows the error next to the form, and the keyboard reaches every field', async ({
    visit,
    assert,
  }) => {
    const user = await UserFactory.create()
    const page = await visit('/login')

    // The skip link first, then the home link in the header.
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/')

    await page.getByLabel('E-mail').focus()
    await page.keyboard.type(user.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type('wrong password')
    await page.keyboard.press('Enter')

    await page.waitForURL((url) => url.pathname === '/login')
    await page.assertTextContains('[role="alert"]', 'E-mail eller adgangskode er forkert.')
    assert.equal(await page.getByLabel('E-mail').inputValue(), user.email)
  })
})

test.group('Layout on a phone', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the menu folds away and opens with its button', async ({ browserContext, assert }) => {
    const user = await UserFactory.apply('board').create()
    await browserContext.loginAs(user)
    const page = await browserContext.newPage()
    await page.setViewportSize({ width: 390, height: 800 })
    await page.goto('/')

    const menuLink = page.getByRole('link', { name: 'Generalforsamlinger' })
    assert.isFalse(await menuLink.isVisible())
    const toggle = page.getByRole('button', { name: 'Menu' })
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false')

    await toggle.click()
    await menuLink.waitFor({ state: 'visible' })
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
  })
})
