import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import TierFee from '#members/models/tier_fee'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { IssueDuesInvoices } from '#dues/actions/issue_dues_invoices'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { RecordPayment } from '#dues/actions/record_payment'
import { duesStandingsOn, hasPaidDues } from '#dues/queries/has_paid_dues'
import { balanceOf } from '#dues/queries/invoice_balances'
import { Actors } from '#audit/actor'
import { danishIsoToday } from '#shared/danish_time'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { danishToday } from '#shared/danish_time'

const actor = Actors.system('test')

test.group('Issuing dues', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one invoice per active member; a second run issues none; a late joiner gets theirs', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, tier, organisations } = await tierWithMembers({ count: 2 })
    await OrganisationFactory.apply('applicant').merge({ tierId: tier.id }).create()
    await OrganisationFactory.apply('resigned').merge({ tierId: tier.id }).create()

    const first = await new IssueDuesInvoices().handle({ year, mail: false }, actor)
    assert.lengthOf(first.issued, 2)
    const again = await new IssueDuesInvoices().handle({ year, mail: false }, actor)
    assert.lengthOf(again.issued, 0)
    assert.equal(again.alreadyInvoiced, 2)

    await OrganisationFactory.merge({ tierId: tier.id }).create()
    const later = await new IssueDuesInvoices().handle({ year, mail: false }, actor)
    assert.lengthOf(later.issued, 1)
    assert.equal(later.issued[0].sequence, 3)
    assert.sameMembers(
      first.issued.map((invoice) => invoice.organisationId),
      organisations.map((organisation) => organisation.id)
    )
  })

  test('a dry run issues nothing and says what it would; members without a fee are named', async ({
    assert,
  }) => {
    await sellerSettings({ duesProration: 'quarters' })
    const year = danishToday().year
    const { organisations } = await tierWithMembers({
      year,
      joinedOn: DateTime.fromObject({ year, month: 8, day: 1 }),
    })
    const noTier = await OrganisationFactory.merge({ tierId: null }).create()
    const summary = await new IssueDuesInvoices().handle({ year, dryRun: true }, actor)
    assert.deepEqual(summary.wouldIssue, [
      { organisation: organisations[0].name, amountOre: 62_500 },
    ])
    assert.deepEqual(summary.skipped, [{ organisation: noTier.name, reason: 'no_tier' }])
    assert.lengthOf(await Invoice.all(), 0)
  })

  test('the document is frozen as issued: seller, buyer, period, VAT exemption, due date', async ({
    assert,
  }) => {
    await sellerSettings({ invoiceDueDays: 30 })
    const { year, organisations } = await tierWithMembers()
    const issueDate = DateTime.fromObject({ year, month: 1, day: 15 })
    const result = await new IssueDuesInvoice().handle(
      { organisationId: organisations[0].id, year, issueDate },
      actor
    )
    assert.equal(result.status, 'issued')
    if (result.status !== 'issued') return
    const { document } = result.invoice
    assert.equal(document.number, `${year}-0001`)
    assert.equal(document.dueDate, issueDate.plus({ days: 30 }).toISODate())
    assert.equal(document.seller.cvr, '12345674')
    assert.equal(document.buyer.name, organisations[0].name)
    assert.deepEqual(document.lines[0].period, { start: `${year}-01-01`, end: `${year}-12-31` })
    assert.isTrue(document.vat.exempt)
    assert.equal(document.totalOre, 125_000)

    organisations[0].name = 'Nyt navn'
    await organisations[0].save()
    const stored = await Invoice.findOrFail(result.invoice.id)
    assert.notEqual(stored.document.buyer.name, 'Nyt navn')
  })
})

test.group('Payments and credit notes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  async function anInvoice() {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers()
    const result = await new IssueDuesInvoice().handle(
      { organisationId: organisations[0].id, year },
      actor
    )
    if (result.status !== 'issued') throw new Error(result.status)
    return result.invoice
  }

  test('partial payments add up; more than the balance is refused', async ({ assert }) => {
    const invoice = await anInvoice()
    const pay = (amountOre: number) =>
      new RecordPayment().handle(
        {
          invoiceId: invoice.id,
          amountOre,
          paidOn: DateTime.now(),
          method: 'mobilepay',
          note: null,
        },
        actor
      )
    assert.deepInclude(await pay(50_000), { status: 'recorded', balanceOre: 75_000 })
    assert.deepEqual(await pay(80_000), { status: 'overpayment', balanceOre: 75_000 })
    assert.deepInclude(await pay(75_000), { status: 'recorded', balanceOre: 0 })
    assert.equal((await balanceOf(invoice, DateTime.now())).status, 'paid')
    assert.lengthOf(await Payment.all(), 2)
  })

  test('a credit note cancels the invoice in its own series; the year can be invoiced again', async ({
    assert,
  }) => {
    const invoice = await anInvoice()
    const credit = await new CreditInvoice().handle(
      { invoiceId: invoice.id, reason: 'Fejl' },
      actor
    )
    assert.equal(credit.status, 'credited')
    if (credit.status !== 'credited') return
    assert.match(credit.creditNote.number, /^K\d{4}-0001$/)
    assert.equal(credit.creditNote.totalOre, invoice.totalOre)
    assert.equal(credit.creditNote.document.creditedInvoice?.number, invoice.number)
    assert.equal(credit.creditNote.document.note, 'Fejl')

    const balance = await balanceOf(invoice, DateTime.now())
    assert.deepInclude(balance, { credited: true, balanceOre: 0, status: 'credited' })
    assert.deepEqual(
      await new CreditInvoice().handle({ invoiceId: invoice.id, reason: null }, actor),
      {
        status: 'already_credited',
      }
    )
    for (const id of [invoice.id, credit.creditNote.id]) {
      const payment = await new RecordPayment().handle(
        { invoiceId: id, amountOre: 100, paidOn: DateTime.now(), method: 'cash', note: null },
        actor
      )
      assert.deepEqual(payment, { status: 'not_payable' })
    }
    // The invoice itself is untouched.
    const stored = await Invoice.findOrFail(invoice.id)
    assert.equal(stored.totalOre, invoice.totalOre)
    assert.equal(stored.number, invoice.number)

    const replacement = await new IssueDuesInvoice().handle(
      { organisationId: invoice.organisationId, year: invoice.year! },
      actor
    )
    assert.equal(replacement.status, 'issued')
    if (replacement.status === 'issued') assert.equal(replacement.invoice.sequence, 2)
  })

  test('an invoice with payments is not credited', async ({ assert }) => {
    const invoice = await anInvoice()
    await new RecordPayment().handle(
      { invoiceId: invoice.id, amountOre: 100, paidOn: DateTime.now(), method: 'cash', note: null },
      actor
    )
    assert.deepEqual(
      await new CreditInvoice().handle({ invoiceId: invoice.id, reason: null }, actor),
      {
        status: 'has_payments',
      }
    )
  })
})

test.group('Voting right: dues paid for the year', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('paid counts; unpaid does not, unless still within the grace months', async ({ assert }) => {
    await sellerSettings({ duesGraceMonths: 0, invoiceDueDays: 30 })
    const { year, organisations } = await tierWithMembers({ count: 2 })
    const issueDate = DateTime.fromObject({ year, month: 1, day: 10 })
    const [paying, owing] = organisations
    for (const organisation of organisations) {
      await new IssueDuesInvoice().handle(
        { organisationId: organisation.id, year, issueDate },
        actor
      )
    }
    const paid = await Invoice.findByOrFail('organisation_id', paying.id)
    await new RecordPayment().handle(
      {
        invoiceId: paid.id,
        amountOre: paid.totalOre,
        paidOn: issueDate,
        method: 'bank_transfer',
        note: null,
      },
      actor
    )
    const april = DateTime.fromObject({ year, month: 4, day: 1 })
    assert.isTrue(await hasPaidDues(paying.id, year, april))
    assert.isFalse(await hasPaidDues(owing.id, year, april))
    assert.isFalse(await hasPaidDues(owing.id, year - 1, april), 'no invoice for the year')

    await sellerSettings({ duesGraceMonths: 2 })
    // Due 9 February; two months' grace runs to 9 April.
    assert.isTrue(await hasPaidDues(owing.id, year, april))
    assert.isFalse(
      await hasPaidDues(owing.id, year, DateTime.fromObject({ year, month: 4, day: 10 }))
    )
  })

  test('at an assembly: the year’s own invoice as it stood on the day decides, last year’s arrears do not', async ({
    assert,
  }) => {
    await sellerSettings({ invoiceDueDays: 30 })
    // Last year, so every day asked about has passed.
    const year = danishToday().year - 1
    const { tier, organisations } = await tierWithMembers({ year, count: 4 })
    // The second is never invoiced.
    const [arrears, , paidLate, credited] = organisations
    const {
      organisations: [exempt],
    } = await tierWithMembers({ year, feeOre: 0 })
    await TierFee.create({ tierId: tier.id, year: year - 1, amountOre: 100_000 })
    const issue = async (organisationId: number, forYear: number, issueDate: DateTime) => {
      const result = await new IssueDuesInvoice().handle(
        { organisationId, year: forYear, issueDate },
        actor
      )
      if (result.status !== 'issued') throw new Error(result.status)
      return result.invoice
    }
    await issue(arrears.id, year - 1, DateTime.fromObject({ year: year - 1, month: 1, day: 10 }))
    // Issued 1 February, due 3 March.
    const late = await issue(paidLate.id, year, DateTime.fromObject({ year, month: 2, day: 1 }))
    await new RecordPayment().handle(
      {
        invoiceId: late.id,
        amountOre: late.totalOre,
        paidOn: DateTime.fromObject({ year, month: 3, day: 20 }),
        method: 'bank_transfer',
        note: null,
      },
      actor
    )
    const withdrawn = await issue(
      credited.id,
      year,
      DateTime.fromObject({ year, month: 2, day: 1 })
    )
    await new CreditInvoice().handle({ invoiceId: withdrawn.id, reason: null }, actor)

    const everyone = [...organisations, exempt]
    const on = async (day: string) => {
      const standings = await duesStandingsOn(everyone, { year, day, graceMonths: 0 })
      return everyone.map((organisation) => standings.get(organisation.id))
    }
    assert.deepEqual(
      await on(`${year}-01-20`),
      ['not_invoiced', 'not_invoiced', 'not_invoiced', 'not_invoiced', 'exempt'],
      'before the dues run: last year’s unpaid invoice does not count'
    )
    assert.deepEqual(await on(`${year}-02-10`), [
      'not_invoiced',
      'not_invoiced',
      'not_due',
      'not_due',
      'exempt',
    ])
    assert.deepEqual(
      (await on(`${year}-03-10`)).slice(2, 4),
      ['unpaid', 'unpaid'],
      'past due, the payment of 20 March and the credit note of today not yet made'
    )
    assert.equal((await on(`${year}-03-20`))[2], 'paid')
    // The credit note is dated today in Denmark, which is tomorrow in UTC from 23.00 in winter.
    const today = danishIsoToday()
    assert.equal((await on(today))[3], 'not_invoiced', 'a credited invoice stands no more')
    const grace = await duesStandingsOn([paidLate], {
      year,
      day: `${year}-03-10`,
      graceMonths: 1,
    })
    assert.equal(grace.get(paidLate.id), 'in_grace')
  })
})
