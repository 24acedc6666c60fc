import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import env from '#start/env'
import Invoice from '#dues/models/invoice'
import DuesRun from '#dues/models/dues_run'
import DuesRunItem from '#dues/models/dues_run_item'
import Reminder from '#dues/models/reminder'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { ExecuteDuesRun } from '#dues/actions/execute_dues_run'
import { generateToken } from '#shared/tokens'
import { UserFactory } from '#database/factories/user_factory'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'

test.group('The treasurer confirms a dues run in the browser', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.timeout(120_000)

  test('open the run, read the confirmation, confirm, and reach the result', async ({
    browserContext,
    assert,
  }) => {
    await sellerSettings()
    const year = DateTime.now().setZone('Europe/Copenhagen').year
    const { organisations } = await tierWithMembers({ year, count: 3, feeOre: 137_500 })
    const treasurer = await UserFactory.apply('treasurer').create()
    await browserContext.loginAs(treasurer)
    const page = await browserContext.newPage()

    await page.goto(`/dues?year=${year}`)
    await page.getByRole('button', { name: `Udsted fakturaer for ${year}` }).click()
    await page.waitForURL((url) => url.pathname === '/dues/generate')
    await page.getByText('Udsteder 3 fakturaer, i alt 4.125,00 kr., til:').waitFor()
    const rows = page.getByTestId('run-items').locator('tbody tr')
    assert.equal(await rows.count(), 3)
    for (const organisation of organisations) {
      await page.getByTestId('run-items').getByText(organisation.name).waitFor()
    }
    assert.lengthOf(await Invoice.all(), 0, 'the confirmation writes nothing')
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the confirmation')
    const phone = await documentWidthOnPhone(page)
    assert.isAtMost(phone.width, PHONE_WIDTH, phone.culprits.join(', '))

    await page.getByRole('button', { name: 'Udsted 3 fakturaer' }).click()
    await page.waitForURL((url) => /^\/dues\/runs\/\d+$/.test(url.pathname))
    await page.getByText('Færdig: 3 af 3').waitFor()
    const result = page.getByTestId('run-result')
    const invoices = await Invoice.query().orderBy('sequence')
    assert.lengthOf(invoices, 3)
    for (const invoice of invoices) {
      await result.getByRole('link', { name: invoice.number }).waitFor()
    }
    assert.equal(await page.locator('progress').getAttribute('value'), '3')
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the result')
    const resultOnPhone = await documentWidthOnPhone(page)
    assert.isAtMost(resultOnPhone.width, PHONE_WIDTH, resultOnPhone.culprits.join(', '))

    // Back to the confirmation and submitted again: the same run, nothing issued twice.
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/dues/generate')
    if (await page.getByRole('button', { name: 'Udsted 3 fakturaer' }).count()) {
      await page.getByRole('button', { name: 'Udsted 3 fakturaer' }).click()
      await page.waitForURL((url) => /^\/dues\/runs\/\d+$/.test(url.pathname))
    }
    assert.lengthOf(await Invoice.all(), 3)
    assert.lengthOf(await DuesRun.all(), 1)
  })

  test('the progress page updates itself until the run is done ({label})')
    .with([
      { javaScriptEnabled: false, label: 'without JavaScript' },
      { javaScriptEnabled: true, label: 'with JavaScript' },
    ])
    .run(async ({ browser, assert }, { javaScriptEnabled }) => {
      await sellerSettings()
      const year = DateTime.now().setZone('Europe/Copenhagen').year
      const { organisations } = await tierWithMembers({ year, count: 2 })
      const treasurer = await UserFactory.apply('treasurer').create()
      // A run the worker has not reached yet, as on a busy queue.
      const run = await DuesRun.create({
        kind: 'generate',
        token: generateToken(),
        fingerprint: '0'.repeat(64),
        year,
        withoutReference: false,
        state: 'queued',
        total: 2,
        done: 0,
        totalOre: 250_000,
        userId: treasurer.id,
        actorLabel: treasurer.email,
        actorIp: null,
        finishedAt: null,
      })
      await DuesRunItem.createMany(
        organisations.map((organisation, index) => ({
          runId: run.id,
          position: index + 1,
          organisationId: organisation.id,
          organisationName: organisation.name,
          invoiceId: null,
          invoiceNumber: null,
          level: null,
          amountOre: 125_000,
          recipient: null,
          outcome: 'planned',
        }))
      )
      const context = await browser.newContext({
        baseURL: env.get('APP_URL'),
        javaScriptEnabled,
      })
      await context.loginAs(treasurer)
      const page = await context.newPage()
      await page.goto(`/dues/runs/${run.id}`)
      await page.getByText('Venter på at gå i gang').waitFor()
      await page.getByText('Siden opdaterer sig selv').waitFor()
      assert.equal(await page.locator('progress').getAttribute('value'), '0')

      await new ExecuteDuesRun().handle({ runId: run.id })
      await page.getByText('Færdig: 2 af 2').waitFor({ timeout: 10_000 })
      assert.equal(
        await page.getByTestId('run-result').locator('[data-outcome="issued"]').count(),
        2
      )
      await context.close()
    })

  test('a reminder run and a credit note are confirmed on pages that pass axe and fit a phone', async ({
    browserContext,
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 5_000 })
    const year = DateTime.now().setZone('Europe/Copenhagen').year
    const { organisations } = await tierWithMembers({ year, count: 2 })
    const issued = []
    for (const organisation of organisations) {
      const result = await new IssueDuesInvoice().handle(
        { organisationId: organisation.id, year, issueDate: DateTime.now().minus({ days: 40 }) },
        Actors.system('test')
      )
      if (result.status !== 'issued') throw new Error(result.status)
      issued.push(result.invoice)
    }
    const treasurer = await UserFactory.apply('treasurer').create()
    await browserContext.loginAs(treasurer)
    const page = await browserContext.newPage()

    await page.goto(`/dues?year=${year}`)
    await page.getByRole('link', { name: 'Send rykkere' }).click()
    await page.getByText('Sender 2 rykkere med gebyrer på i alt 100,00 kr.:').waitFor()
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the reminders')
    const remindOnPhone = await documentWidthOnPhone(page)
    assert.isAtMost(remindOnPhone.width, PHONE_WIDTH, remindOnPhone.culprits.join(', '))
    await page.getByRole('button', { name: 'Send 2 rykkere' }).click()
    await page.getByText('Færdig: 2 af 2').waitFor()
    assert.lengthOf(await Reminder.all(), 2)

    await page.goto(`/dues/invoices/${issued[0].id}`)
    await page.getByRole('link', { name: 'Kreditér …' }).click()
    await page.getByText(`Udsteder en kreditnota på 1.250,00 kr.`).waitFor()
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the credit note')
    const creditOnPhone = await documentWidthOnPhone(page)
    assert.isAtMost(creditOnPhone.width, PHONE_WIDTH, creditOnPhone.culprits.join(', '))

    const button = page.getByRole('button', { name: 'Ja, udsted kreditnotaen' })
    await button.click()
    await page.getByTestId('error-summary').waitFor()
    assert.lengthOf(await Invoice.query().where('kind', 'credit_note'), 0)
    await page
      .getByLabel(`Skriv fakturanummeret ${issued[0].number} for at bekræfte`)
      .fill(issued[0].number)
    await button.click()
    await page.getByText(/Kreditnota K\d{4}-0001 er udstedt\./).waitFor()
    assert.lengthOf(await Invoice.query().where('kind', 'credit_note'), 1)
  })
})
