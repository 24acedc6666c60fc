import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import DuesRun from '#dues/models/dues_run'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { foldSpace } from '#tests/helpers/text'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'
import { openConfirmation, runFormOf, runIdOf, submitRun } from '#tests/functional/dues/run_flow'

test.group('Dues confirmations: reminders', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the confirmation lists each invoice with its fee and the mails; confirmed, they are sent once', async ({
    client,
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 10_000 })
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const fortyDaysAgo = danishToday().minus({ days: 40 })
    const alfa = await member(tier, { name: 'Alfa Forening', billingEmail: 'bog@alfa.example.org' })
    const beta = await member(tier, { name: 'Beta Forening' })
    const gamma = await member(tier, { name: 'Gamma Forening', primaryEmail: 'g@example.org' })
    const alfaInvoice = await issueInvoice(alfa.organisation, { issueDate: fortyDaysAgo })
    const betaInvoice = await issueInvoice(beta.organisation, { issueDate: fortyDaysAgo })
    await issueInvoice(gamma.organisation)

    const page = await openConfirmation(client, treasurer, 'remind')
    const text = foldSpace(page.text())
    assert.include(text, 'Sender 2 rykkere med gebyrer på i alt 200,00 kr.:')
    assert.include(text, `> ${alfaInvoice.number} </a>`)
    assert.include(text, `> ${betaInvoice.number} </a>`)
    assert.notInclude(text, 'Gamma Forening')
    assert.include(text, 'bog@alfa.example.org')
    assert.include(text, '1 e-mail sendes.')
    assert.lengthOf(await Reminder.all(), 0)

    const form = runFormOf(page.text())
    const response = await submitRun(client, treasurer, 'remind', form)
    const runId = runIdOf(response.header('location'))
    await submitRun(client, treasurer, 'remind', form)
    const reminders = await Reminder.query().orderBy('invoice_id')
    assert.deepEqual(
      reminders.map((reminder) => [reminder.invoiceId, reminder.level, reminder.feeOre]),
      [
        [alfaInvoice.id, 1, 10_000],
        [betaInvoice.id, 1, 10_000],
      ]
    )
    const result = foldSpace((await client.get(`/dues/runs/${runId}`).loginAs(treasurer)).text())
    assert.include(result, 'Færdig: 2 af 2')
    assert.equal((result.match(/data-outcome="sent"/g) ?? []).length, 2)

    const none = await openConfirmation(client, treasurer, 'remind')
    assert.include(foldSpace(none.text()), 'Ingen fakturaer skal rykkes i dag.')
    assert.notInclude(none.text(), 'data-testid="run-confirm"')
  })

  test('an invoice paid after the page was shown refuses the run, and the fresh page leaves it out', async ({
    client,
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 10_000 })
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const fortyDaysAgo = danishToday().minus({ days: 40 })
    const alfa = await member(tier, { name: 'Alfa Forening', primaryEmail: 'a@example.org' })
    const beta = await member(tier, { name: 'Beta Forening', primaryEmail: 'b@example.org' })
    await issueInvoice(alfa.organisation, { issueDate: fortyDaysAgo })
    const betaInvoice = await issueInvoice(beta.organisation, { issueDate: fortyDaysAgo })
    const page = await openConfirmation(client, treasurer, 'remind')
    assert.include(foldSpace(page.text()), 'Sender 2 rykkere')

    await Payment.create({
      invoiceId: betaInvoice.id,
      amountOre: 125_000,
      paidOn: danishToday(),
      method: 'bank_transfer',
      note: null,
      recordedBy: 'test',
    })
    const refused = await submitRun(client, treasurer, 'remind', runFormOf(page.text()))
    refused.assertHeader('location', '/dues/remind')
    assert.match(String(refused.flashMessages().error), /^Tallene har ændret sig/)
    assert.lengthOf(await Reminder.all(), 0)
    assert.lengthOf(await DuesRun.all(), 0)

    const fresh = foldSpace((await openConfirmation(client, treasurer, 'remind')).text())
    assert.include(fresh, 'Sender 1 rykker med gebyr på i alt 100,00 kr.:')
    assert.notInclude(fresh, 'Beta Forening')
  })
})
