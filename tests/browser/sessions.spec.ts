import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'

async function logIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Adgangskode').fill(password)
  await page.locator('form[action="/login"]').getByRole('button', { name: 'Log ind' }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

test.group('Sessions in two browsers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a new password set in one browser logs the other one out', async ({
    browser,
    visit,
    assert,
  }) => {
    const user = await UserFactory.apply('board').create()
    const laptop = await visit('/login')
    await logIn(laptop, user.email)
    const phoneContext = await browser.newContext({
      baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
      locale: 'da-DK',
    })
    const phone = await phoneContext.newPage()
    await logIn(phone, user.email)

    await laptop.goto('/account')
    assert.equal(await laptop.getByTestId('sessions').locator('li').count(), 2)
    await laptop.getByLabel('Nuværende adgangskode').fill(TEST_PASSWORD)
    await laptop.getByLabel('Ny adgangskode').fill('et-helt-nyt-kodeord')
    await laptop.getByLabel('Gentag adgangskode').fill('et-helt-nyt-kodeord')
    await laptop.getByRole('button', { name: 'Skift adgangskode' }).click()
    await laptop.waitForURL((url) => url.pathname === '/account')
    await laptop.getByText('Din adgangskode er skiftet.').waitFor()

    await phone.goto('/members')
    await phone.waitForURL((url) => url.pathname === '/login')
    await laptop.goto('/members')
    assert.equal(new URL(laptop.url()).pathname, '/members')
    await phoneContext.close()
  })

  test('the account page ends the sessions of other browsers; logging out ends this one', async ({
    browser,
    visit,
  }) => {
    const user = await UserFactory.apply('secretariat').create()
    const office = await visit('/login')
    await logIn(office, user.email)
    const homeContext = await browser.newContext({
      baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
      locale: 'da-DK',
    })
    const home = await homeContext.newPage()
    await logIn(home, user.email)

    await office.goto('/account')
    await office.getByTestId('end-other-sessions').click()
    await office.getByText('Du er logget ud i 1 anden browser.').waitFor()
    await home.goto('/account')
    await home.waitForURL((url) => url.pathname === '/login')

    await office.getByRole('button', { name: 'Log ud' }).click()
    await office.waitForURL((url) => url.pathname === '/login')
    // Back to the account page: it was never stored, so it is asked for again and refused.
    await office.goBack()
    await office.waitForURL((url) => url.pathname === '/login')
    await office.getByRole('heading', { name: 'Log ind' }).waitFor()
    await homeContext.close()
  })
})
