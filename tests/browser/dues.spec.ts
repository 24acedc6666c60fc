import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { Actors } from '#audit/actor'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

test.group('The treasurer’s year in the browser', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('set next year’s fee, issue the year’s invoices, record a payment, send reminders, download the CSV', async ({
    browserContext,
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 5_000 })
    const year = DateTime.now().setZone('Europe/Copenhagen').year
    const { tier, organisations } = await tierWithMembers({ year, count: 2 })
    // Last year's invoice, never paid: it is due a reminder.
    const lastYear = await tierWithMembers({ year: year - 1 })
    await new IssueDuesInvoice().handle(
      {
        organisationId: lastYear.organisations[0].id,
        year: year - 1,
        issueDate: DateTime.fromObject({ year: year - 1, month: 1, day: 15 }),
      },
      Actors.system('test')
    )

    const treasurer = await UserFactory.apply('treasurer').create()
    await browserContext.loginAs(treasurer)
    const page = await browserContext.newPage()

    await page.goto('/dues/fees')
    const feeForm = page.getByTestId('fee-form')
    await feeForm.getByLabel('Kontingentgruppe').selectOption({ label: tier.name })
    await feeForm.locator('input[name="year"]').fill(String(year + 1))
    await feeForm.getByLabel('Kontingent pr. år (kr.)').fill('1.400,00')
    await feeForm.getByRole('button', { name: 'Gem' }).click()
    await page.getByText('Kontingentet er gemt.').waitFor()
    await page.getByTestId('fee-schedule').getByText('1.400,00 kr.').waitFor()

    await page.goto(`/dues?year=${year}`)
    await page.getByRole('button', { name: `Udsted fakturaer for ${year}` }).click()
    await page.getByText('Udsteder 2 fakturaer, i alt 2.500,00 kr., til:').waitFor()
    await page.getByRole('button', { name: 'Udsted 2 fakturaer' }).click()
    await page.getByText('Færdig: 2 af 2').waitFor()
    await catcher.waitFor(() => catcher.messages.length >= 2)
    for (const message of catcher.messages) {
      assert.lengthOf(message.attachments, 1)
      assert.equal(message.attachments[0].contentType, 'application/pdf')
    }
    // A second try finds nothing to issue.
    await page.goto(`/dues?year=${year}`)
    await page.getByRole('button', { name: `Udsted fakturaer for ${year}` }).click()
    await page.getByText(`Der er ingen fakturaer at udstede for ${year}.`).waitFor()

    const invoice = await Invoice.query()
      .where('organisation_id', organisations[0].id)
      .where('year', year)
      .firstOrFail()
    await page.goto(`/dues/invoices/${invoice.id}`)
    const payment = page.getByTestId('payment-form')
    await payment.getByLabel('Beløb').fill('500,00')
    await payment.getByRole('button', { name: 'Registrér' }).click()
    await page.getByText('Betalingen er registreret. Restbeløb: 750,00 kr.').waitFor()
    assert.equal((await page.getByTestId('invoice-status').textContent())?.trim(), 'delvist betalt')

    await page.goto(`/dues?year=${year - 1}`)
    catcher.messages.length = 0
    await page.getByRole('link', { name: 'Send rykkere' }).click()
    await page.getByText('Sender 1 rykker med gebyr på i alt 50,00 kr.:').waitFor()
    await page.getByRole('button', { name: 'Send 1 rykker' }).click()
    await page.getByText('Færdig: 1 af 1').waitFor()
    const reminder = await catcher.waitFor((m) => /Rykker 1/.test(m.subject ?? ''))
    await lastYear.organisations[0].load('contacts')
    assert.include(recipientsOf(reminder), lastYear.organisations[0].contacts[0].email!)
    assert.equal(reminder.attachments[0].contentType, 'application/pdf')

    await page.goto(`/dues?year=${year}`)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Hent fakturalisten (CSV)' }).click()
    const file = await download
    assert.equal(file.suggestedFilename(), `kontingent-${year}.csv`)
    const csv = await (await import('node:fs/promises')).readFile((await file.path())!)
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = csv.toString('utf8')
    assert.include(text, 'Fakturanummer;Dato;Medlem;CVR;Beløb;Moms;Betalt;Betalt dato\r\n')
    assert.include(text, `${year}-0001;`)
    assert.include(text, ';1250,00;0,00;500,00;')
  })
})
