import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payment from '#dues/models/payment'
import TierFee from '#members/models/tier_fee'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getMemberAccount } from '#dues/queries/member_account'
import { Actors } from '#audit/actor'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

async function pay(invoiceId: number, amountOre: number, paidOn = danishToday()) {
  await Payment.create({
    invoiceId,
    amountOre,
    paidOn,
    method: 'bank_transfer',
    note: null,
    recordedBy: 'test',
  })
}

test.group('A member’s account in the portal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('paid this year counts the Danish calendar year, and only the member’s own payments', async ({
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee('Organisationer', 125_000)
    const ours = await member(tier, { name: 'LIVSVÆRK' })
    const theirs = await member(tier, { name: 'Naboforeningen' })
    const invoice = await issueInvoice(ours.organisation)
    const theirInvoice = await issueInvoice(theirs.organisation)
    const newYear = danishToday().startOf('year')
    await pay(invoice.id, 10_000, newYear.minus({ days: 1 }))
    await pay(invoice.id, 20_000, newYear)
    await pay(theirInvoice.id, 125_000)

    const account = await getMemberAccount(ours.organisation.id)
    assert.equal(account.year, newYear.year)
    assert.equal(account.paidThisYearOre, 20_000)
    assert.equal(account.outstandingOre, 95_000)
  })

  test('an overdue invoice counts as overdue; a credited one counts nowhere', async ({
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee('Organisationer', 125_000)
    const ours = await member(tier, { name: 'LIVSVÆRK' })
    const overdue = await issueInvoice(ours.organisation)
    await db
      .from('invoices')
      .where('id', overdue.id)
      .update({ due_date: danishToday().minus({ days: 1 }).toISODate() })
    await TierFee.create({ tierId: tier.id, year: danishToday().year - 1, amountOre: 100_000 })
    const credited = await issueInvoice(ours.organisation, {
      year: danishToday().year - 1,
      issueDate: danishToday().minus({ years: 1 }),
    })
    const result = await new CreditInvoice().handle(
      { invoiceId: credited.id, reason: 'Fejl' },
      Actors.system('test')
    )
    assert.equal(result.status, 'credited')

    const account = await getMemberAccount(ours.organisation.id)
    assert.equal(account.overdueOre, 125_000)
    assert.equal(account.overdueCount, 1)
    assert.equal(account.outstandingOre, 125_000)
    assert.equal(account.paidThisYearOre, 0)
  })
})
