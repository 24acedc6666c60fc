import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { ApplySureBankMatches } from '#dues/actions/apply_sure_bank_matches'
import { UndoBankMatch } from '#dues/actions/undo_bank_match'
import { MarkBankEntry } from '#dues/actions/mark_bank_entry'
import { CloseBooks } from '#dues/actions/close_books'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import {
  actor,
  count,
  daysAgo,
  fik,
  imported,
  invoices,
  match,
  payByHand,
  paymentsOf,
  plain,
  stateOf,
} from '#tests/helpers/bank_actions'

const undo = (entryId: number) => new UndoBankMatch().handle({ entryId }, actor)

/* The treasurer's decisions on single entries, their undo, and the closing of the books. */
test.group('Bank actions: decisions', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the treasurer splits an entry, pays in part or pays too much', async ({ assert }) => {
    const [a, b, c, d] = await invoices(4)
    const rows = [plain('M1', '2500.00'), plain('M2', '500.00'), plain('M3', '1500.00')]
    const { stored } = await imported(rows)
    assert.deepEqual(
      await match(stored[0].id, [
        [a, 125_000],
        [b, 125_000],
      ]),
      { status: 'matched', invoiceIds: [a.id, b.id] }
    )
    assert.deepEqual(await paymentsOf(a), [[125_000, stored[0].id]])
    assert.deepEqual(await paymentsOf(b), [[125_000, stored[0].id]])
    const split = await BookedBankEntry.findOrFail(stored[0].id)
    assert.deepEqual([split.state, split.matchedBy], ['matched', 'treasurer'])
    assert.equal((await match(stored[1].id, [[c, 50_000]])).status, 'matched')
    assert.equal((await match(stored[2].id, [[d, 150_000]])).status, 'matched')
    const balances = await getBalances([a, b, c, d], danishToday())
    assert.deepEqual(
      [a, b, c, d].map((invoice) => {
        const balance = balances.get(invoice.id)!
        return [balance.balanceOre, balance.status]
      }),
      [
        [0, 'paid'],
        [0, 'paid'],
        [75_000, 'partly_paid'],
        [-25_000, 'paid'],
      ]
    )
  })

  test('amounts that do not add up, and a credited invoice, are refused and write nothing', async ({
    assert,
  }) => {
    const [a, b] = await invoices(2)
    const credit = await new CreditInvoice().handle({ invoiceId: b.id, reason: null }, actor)
    assert.equal(credit.status, 'credited')
    const { stored } = await imported([plain('R1', '2500.00')])
    const id = stored[0].id
    const short = await match(id, [
      [a, 125_000],
      [b, 100_000],
    ])
    assert.deepEqual(short, { status: 'amounts_differ', entryOre: 250_000, allocatedOre: 225_000 })
    const withZero = await match(id, [
      [a, 250_000],
      [b, 0],
    ])
    assert.equal(withZero.status, 'amounts_differ')
    // The first part alone would be paid: the credited second one takes it back with it.
    const halves = await match(id, [
      [a, 125_000],
      [b, 125_000],
    ])
    assert.deepEqual(halves, { status: 'not_payable', invoiceId: b.id })
    assert.deepEqual(await match(id, [[b, 250_000]]), { status: 'not_payable', invoiceId: b.id })
    assert.equal(await count('payments'), 0)
    const entry = await BookedBankEntry.findOrFail(id)
    assert.deepEqual([entry.state, entry.matchedBy], ['open', null])
    assert.equal(await count('audit_events', { action: 'bank.matched' }), 0)
  })

  test('an undo removes exactly that entry’s payments and reopens it with its suggestion', async ({
    assert,
  }) => {
    const [a, b, c] = await invoices(3)
    const { statementId, stored } = await imported([fik('U1', a), plain('U2', '2500.00')])
    const suggestion = stored[0].suggestion
    await new ApplySureBankMatches().handle({ statementId }, actor)
    await payByHand(b, 25_000, daysAgo(1))
    await match(stored[1].id, [
      [b, 125_000],
      [c, 125_000],
    ])

    assert.deepEqual(await undo(stored[1].id), { status: 'undone', removedPayments: 2 })
    assert.deepEqual(await paymentsOf(a), [[125_000, stored[0].id]])
    assert.deepEqual(await paymentsOf(b), [[25_000, null]])
    assert.deepEqual(await paymentsOf(c), [])
    assert.equal(await stateOf(stored[1].id), 'open')
    assert.deepEqual(await undo(stored[1].id), { status: 'not_matched' })

    assert.deepEqual(await undo(stored[0].id), { status: 'undone', removedPayments: 1 })
    const reopened = await BookedBankEntry.findOrFail(stored[0].id)
    assert.deepEqual([reopened.state, reopened.matchedBy], ['open', null])
    assert.isNotNull(suggestion)
    assert.deepEqual(reopened.suggestion, suggestion)
    assert.deepEqual(await paymentsOf(a), [])
  })

  test('an undo is refused once the books are closed through the entry’s day', async ({
    assert,
  }) => {
    const [a] = await invoices(1)
    const { statementId, stored } = await imported([fik('C1', a, '1250.00', daysAgo(3))])
    await new ApplySureBankMatches().handle({ statementId }, actor)
    await new CloseBooks().handle({ through: daysAgo(3) }, actor)
    assert.deepEqual(await undo(stored[0].id), {
      status: 'period_closed',
      closedThrough: daysAgo(3),
    })
    assert.equal(await stateOf(stored[0].id), 'matched')
    assert.deepEqual(await paymentsOf(a), [[125_000, stored[0].id]])
  })

  test('an entry is marked not dues and back; any other change leaves it unchanged', async ({
    assert,
  }) => {
    const [a] = await invoices(1)
    const fee = { ...plain('K3', '45.00', 'Gebyr'), debit: true }
    const { statementId, stored } = await imported([plain('K1', '5000.00'), fik('K2', a), fee])
    await new ApplySureBankMatches().handle({ statementId }, actor)
    const mark = (entry: BookedBankEntry, as: 'open' | 'not_dues') =>
      new MarkBankEntry().handle({ entryId: entry.id, as }, actor)
    const [grant, paid, debit] = stored
    assert.deepEqual(await mark(grant, 'open'), { status: 'unchanged' })
    assert.deepEqual(await mark(grant, 'not_dues'), { status: 'marked' })
    assert.equal(await stateOf(grant.id), 'not_dues')
    assert.deepEqual(await mark(grant, 'not_dues'), { status: 'unchanged' })
    assert.deepEqual(await mark(grant, 'open'), { status: 'marked' })
    assert.equal(await stateOf(grant.id), 'open')
    assert.deepEqual(await mark(paid, 'not_dues'), { status: 'unchanged' })
    assert.deepEqual(await mark(debit, 'not_dues'), { status: 'unchanged' })
    assert.deepEqual(await mark(debit, 'open'), { status: 'unchanged' })
    assert.deepEqual([await stateOf(paid.id), await stateOf(debit.id)], ['matched', 'debit'])
  })

  test('the books close only past days and only forward, then refuse payments dated on or before', async ({
    assert,
  }) => {
    const [a] = await invoices(1)
    const close = (through: string) => new CloseBooks().handle({ through }, actor)
    const tomorrow = danishToday().plus({ days: 1 }).toISODate()!
    assert.deepEqual(await close(danishToday().toISODate()!), { status: 'not_past' })
    assert.deepEqual(await close(tomorrow), { status: 'not_past' })
    assert.deepEqual(await close(daysAgo(5)), { status: 'closed', through: daysAgo(5) })
    assert.deepEqual(await close(daysAgo(3)), { status: 'closed', through: daysAgo(3) })
    const refused = { status: 'already_closed', closedThrough: daysAgo(3) }
    assert.deepEqual(await close(daysAgo(4)), refused)
    assert.deepEqual(await close(daysAgo(3)), refused)
    for (const day of [daysAgo(3), daysAgo(10)]) {
      assert.deepEqual(await payByHand(a, 10_000, day), {
        status: 'period_closed',
        closedThrough: daysAgo(3),
      })
    }
    assert.equal((await payByHand(a, 10_000, daysAgo(2))).status, 'recorded')
    assert.deepEqual(await paymentsOf(a), [[10_000, null]])
  })
})
