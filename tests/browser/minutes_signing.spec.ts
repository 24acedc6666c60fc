import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import { findLink, recipientsOf, startMailCatcher } from '#tests/helpers/mail_catcher'

const PHONE = { width: 360, height: 740 }

test.group('Signing the minutes in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the dirigent signs from her login and the referent from his link, both on a 360 px phone, and each sees the hash they sign', async ({
    browserContext,
    assert,
  }) => {
    const catcher = await startMailCatcher()
    try {
      const { assembly } = await assemblyWithMembers({ members: 2 })
      await new CloseAssembly().handle(assembly.id, board)
      const dirigent = await UserFactory.apply('board')
        .merge({ email: 'dorte@example.org' })
        .create()
      await browserContext.loginAs(dirigent)
      const page = await browserContext.newPage()
      await page.setViewportSize(PHONE)
      await page.goto(`/assemblies/${assembly.id}/minutes`)
      const form = page.getByTestId('minutes-form')
      await form.getByLabel('Dirigent', { exact: true }).fill('Dorte Dirigent')
      await form.getByLabel('Dirigentens e-mail').fill('dorte@example.org')
      await form.getByLabel('Referent', { exact: true }).fill('Rasmus Referent')
      await form.getByLabel('Referentens e-mail').fill('rasmus@example.org')
      await form.getByRole('button', { name: 'Gem og opdatér referatet' }).click()
      await page.getByText('Referatet (version 1) er opdateret.').waitFor()

      const shownHash = (await page.getByTestId('minutes-hash').locator('code').textContent())!
      assert.match(shownHash.trim(), /^[0-9a-f]{64}$/)
      assert.equal(await page.getByRole('button', { name: 'Underskriv som Referent' }).count(), 0)
      await page.getByRole('button', { name: 'Underskriv som Dirigent' }).click()
      await page.getByText('Underskriften er registreret.').waitFor()
      await page
        .getByText(/Dirigent: underskrevet af Dorte Dirigent .* \(med eget login\)/)
        .waitFor()
      assert.isAtMost(
        await page.evaluate(() => document.documentElement.scrollWidth),
        PHONE.width,
        'the minutes page fits a 360 px phone'
      )

      await page.getByRole('button', { name: 'Send underskriftslinks på mail' }).click()
      const mail = await catcher.waitFor((m) => recipientsOf(m).includes('rasmus@example.org'))
      const link = findLink(mail, '/referat/')
      const phoneContext = await browserContext
        .browser()!
        .newContext({ baseURL: new URL(page.url()).origin, viewport: PHONE })
      const phone = await phoneContext.newPage()
      await phone.goto(link.pathname)
      assert.equal(
        (await phone.getByTestId('minutes-hash').locator('code').textContent())!.trim(),
        shownHash.trim()
      )
      await phone.getByRole('button', { name: 'Underskriv som Referent' }).click()
      await phone.getByTestId('signed').waitFor()
      assert.isAtMost(await phone.evaluate(() => document.documentElement.scrollWidth), PHONE.width)
      await phoneContext.close()

      await page.reload()
      await page.getByText('Version 1: underskrevet og låst').waitFor()
    } finally {
      await catcher.stop()
    }
  })
})
