import { test } from '@japa/runner'
import { cleanUpDuesAfterEach } from '#tests/helpers/dues_records'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { ApplySureBankMatches } from '#dues/actions/apply_sure_bank_matches'
import { UndoBankMatch } from '#dues/actions/undo_bank_match'
import { CloseBooks } from '#dues/actions/close_books'
import { getBookkeepingEntries } from '#dues/queries/bookkeeping_entries'
import { writeBookkeepingFile } from '#dues/documents/bookkeeping_file'
import { camt053 } from '#tests/helpers/bank_statements'
import {
  actor,
  count,
  daysAgo,
  entriesOf,
  fik,
  imported,
  invoices,
  match,
  payByHand,
  paymentsOf,
  plain,
  stateOf,
} from '#tests/helpers/bank_actions'

/*
 * Two requests deciding the same thing at once must not both get through.
 * A test transaction would put both on one connection, so this group runs
 * on the real pool and removes what it wrote after each test.
 */
test.group('Bank reconciliation under concurrent requests', (group) => {
  cleanUpDuesAfterEach(group)

  test('two decisions on the same entry at once: one set of payments, the other finds it taken', async ({
    assert,
  }) => {
    const [a, b] = await invoices(2)
    const { stored } = await imported(['E1', 'E2', 'E3'].map((ref) => plain(ref, '2500.00')))
    for (const entry of stored) {
      const results = await Promise.all([
        match(entry.id, [
          [a, 125_000],
          [b, 125_000],
        ]),
        match(entry.id, [[a, 250_000]]),
      ])
      const statuses = results.map((result) => result.status).sort()
      assert.deepEqual(statuses, ['matched', 'not_open'])
      const payments = await db.from('payments').where('bank_entry_id', entry.id)
      const winner = results[0].status === 'matched' ? 2 : 1
      assert.lengthOf(payments, winner)
      assert.equal(
        payments.reduce((sum, row) => sum + Number(row.amount_ore), 0),
        250_000
      )
      assert.equal(await stateOf(entry.id), 'matched')
    }
    assert.equal(await count('audit_events', { action: 'bank.matched' }), 3)
  }).timeout(60_000)

  test('the sure matches applied twice at once pay each invoice once', async ({ assert }) => {
    const issued = await invoices(6)
    const rows = issued.map((invoice, index) => fik(`S${index}`, invoice))
    const { statementId, stored } = await imported(rows)
    const apply = () => new ApplySureBankMatches().handle({ statementId }, actor)
    const [first, second] = await Promise.all([apply(), apply()])
    assert.equal(first.applied + second.applied, 6)
    assert.equal(first.refused + second.refused, 0)
    for (const [index, invoice] of issued.entries()) {
      assert.deepEqual(await paymentsOf(invoice), [[125_000, stored[index].id]])
    }
  }).timeout(60_000)

  test('the same file imported twice at once stores its entries once and pays once', async ({
    assert,
  }) => {
    const issued = await invoices(4)
    const rows = [...issued.map((invoice, index) => fik(`D${index}`, invoice)), plain('DX', '9.00')]
    const file = Buffer.from(camt053(rows))
    const importOnce = () =>
      new ImportBankStatement().handle({ file, fileName: 'udtog.xml', dryRun: false }, actor)
    const results = await Promise.all([importOnce(), importOnce()])
    const statuses = results.map((result) => result.status).sort()
    assert.oneOf(statuses.join(','), ['conflict,imported', 'imported,imported'])
    assert.equal(await count('bank_entries'), 5)
    const statementIds = results.flatMap((result) =>
      result.status === 'imported' ? [result.statementId] : []
    )
    assert.equal(await count('bank_statements'), statementIds.length)
    assert.equal(await count('import_files', { kind: 'bank' }), statementIds.length)
    for (const statementId of statementIds) {
      assert.lengthOf(await entriesOf(statementId), 5)
    }
    await Promise.all(
      statementIds.map((statementId) => new ApplySureBankMatches().handle({ statementId }, actor))
    )
    for (const invoice of issued) {
      assert.lengthOf(await paymentsOf(invoice), 1)
    }
    assert.equal(await count('payments'), 4)
  }).timeout(60_000)

  test('once the books are closed no change gets into the period: its export stays byte for byte', async ({
    assert,
  }) => {
    const [a, b, c] = await invoices(3, DateTime.fromISO(daysAgo(10)))
    const inside = daysAgo(5)
    const { statementId, stored } = await imported([
      fik('Z1', a, '1250.00', inside),
      plain('Z2', '1250.00', 'Overførsel', inside),
    ])
    await new ApplySureBankMatches().handle({ statementId }, actor)
    await payByHand(c, 50_000, daysAgo(6))
    const through = daysAgo(4)
    assert.deepEqual(await new CloseBooks().handle({ through }, actor), {
      status: 'closed',
      through,
    })

    const exportClosed = async () => {
      const range = [DateTime.fromISO(daysAgo(10)), DateTime.fromISO(through)] as const
      const vouchers = await getBookkeepingEntries(...range, await getAssociationSettings())
      return Buffer.from(await writeBookkeepingFile(vouchers, 'csv'))
    }
    const before = await exportClosed()
    // Three invoices and two payments: the export is not empty by accident.
    assert.equal(before.toString('utf8').trim().split(/\r?\n/).length, 1 + 3 + 2)

    const refused = { status: 'period_closed', closedThrough: through }
    assert.deepEqual(await payByHand(c, 10_000, through), refused)
    assert.deepEqual(await payByHand(b, 10_000, daysAgo(8)), refused)
    assert.deepEqual(await new UndoBankMatch().handle({ entryId: stored[0].id }, actor), refused)
    assert.deepEqual(await match(stored[1].id, [[b, 125_000]]), refused)
    assert.equal(await stateOf(stored[1].id), 'open')
    const again = await new ApplySureBankMatches().handle({ statementId }, actor)
    assert.equal(again.applied, 0)

    const after = await exportClosed()
    assert.isTrue(after.equals(before))
    assert.equal(await count('payments'), 2)
  }).timeout(60_000)
})
