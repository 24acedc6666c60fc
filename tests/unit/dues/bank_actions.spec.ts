import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { ApplySureBankMatches } from '#dues/actions/apply_sure_bank_matches'
import { MarkBankEntry } from '#dues/actions/mark_bank_entry'
import {
  bankMappingFromRoles,
  saveBankColumnRoles,
  savedBankColumnRoles,
} from '#dues/bank/bank_column_mappings'
import { getStatementReconciliation } from '#dues/queries/statement_reconciliation'
import { camt053, TEST_IBAN, type CamtEntry } from '#tests/helpers/bank_statements'
import {
  actor,
  count,
  daysAgo,
  fik,
  imported,
  invoices,
  payByHand,
  paymentsOf,
  plain,
  stateOf,
} from '#tests/helpers/bank_actions'

/* Importing a statement, paying its sure matches, and what the statement then shows. */
test.group('Bank actions: import and sure matches', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an import keeps the balances and counts pending rows without storing them; a dry run writes nothing', async ({
    assert,
  }) => {
    const [alfa] = await invoices(1)
    const fee = { ...plain('I3', '45.00', 'Gebyr'), debit: true }
    const rows = [fik('I1', alfa), plain('I2', '300.00'), fee, plain('P1', '99.00')]
    // The builder books every row; the bank marks a reserved one PDNG.
    const xml = camt053(rows, { opening: '1000.00', closing: '2505.00' }).replace(
      /<Sts>BOOK<\/Sts>(\s*<BookgDt><Dt>[\d-]+<\/Dt><\/BookgDt><AcctSvcrRef>P1<)/,
      '<Sts>PDNG</Sts>$1'
    )
    const handle = (dryRun: boolean) =>
      new ImportBankStatement().handle({ file: Buffer.from(xml), fileName: 'u.xml', dryRun }, actor)

    const dry = await handle(true)
    assert.equal(dry.status, 'previewed')
    if (dry.status === 'previewed') {
      const states = dry.entries.map((entry) => entry.state)
      assert.deepEqual(states, ['open', 'open', 'debit', 'pending'])
    }
    for (const table of ['bank_statements', 'bank_entries', 'bank_statement_lines', 'payments']) {
      assert.equal(await count(table), 0, table)
    }
    assert.equal(await count('import_files'), 0)

    assert.deepInclude(await handle(false), { status: 'imported', newEntries: 3, knownEntries: 0 })
    const statement = await db.from('bank_statements').firstOrFail()
    assert.equal(statement.account, TEST_IBAN)
    assert.equal(Number(statement.pending_count), 1)
    assert.equal(Number(statement.opening_balance_ore), 100_000)
    assert.equal(Number(statement.closing_balance_ore), 250_500)
    const stored = await BookedBankEntry.query().orderBy('id')
    assert.deepEqual(
      stored.map((entry) => [entry.amountOre, entry.state]),
      [
        [125_000, 'open'],
        [30_000, 'open'],
        [-4_500, 'debit'],
      ]
    )
    assert.equal(stored[0].suggestion?.certainty, 'sure')
    assert.equal(await count('bank_statement_lines'), 3)
    assert.equal(await count('import_files'), 1)
    assert.equal(await count('payments'), 0)
  })

  test('an overlapping statement stores only its new entries and links the shared one to both', async ({
    assert,
  }) => {
    await invoices(0)
    const first = await imported([plain('O1', '10.00'), plain('O2', '20.00')])
    const second = await imported([plain('O2', '20.00'), plain('O3', '30.00')])
    assert.deepInclude(first, { newEntries: 2, knownEntries: 0 })
    assert.deepInclude(second, { newEntries: 1, knownEntries: 1 })
    assert.equal(await count('bank_entries'), 3)
    assert.equal(first.stored[1].id, second.stored[0].id)
    const lines = await db.from('bank_statement_lines').where('bank_entry_id', first.stored[1].id)
    assert.sameMembers(
      lines.map((line) => Number(line.bank_statement_id)),
      [first.statementId, second.statementId]
    )
  })

  test('sure matches are paid in batches of the limit; a likely one is left open', async ({
    assert,
  }) => {
    const [a, b, c, d] = await invoices(4)
    const part = plain('S4', '500.00', `Kontingent ${d.number}`)
    const { statementId, stored } = await imported([fik('S1', a), fik('S2', b), fik('S3', c), part])
    const apply = (limit?: number) =>
      new ApplySureBankMatches().handle({ statementId, limit }, actor)
    assert.deepEqual(await apply(2), { applied: 2, refused: 0, remaining: 1 })
    assert.deepEqual(await apply(2), { applied: 1, refused: 0, remaining: 0 })
    assert.deepEqual(await apply(), { applied: 0, refused: 0, remaining: 0 })
    for (const [index, invoice] of [a, b, c].entries()) {
      assert.deepEqual(await paymentsOf(invoice), [[125_000, stored[index].id]])
    }
    assert.deepEqual(await paymentsOf(d), [])
    assert.equal(await stateOf(stored[3].id), 'open')
  })

  // Fails today: a payment on a bank entry may over-pay, so the sure match pays the invoice twice.
  test('a sure match whose invoice was paid by hand meanwhile is refused and becomes likely', async ({
    assert,
  }) => {
    const [alfa] = await invoices(1)
    const { statementId, stored } = await imported([fik('H1', alfa)])
    assert.equal((await payByHand(alfa, 125_000, daysAgo(3))).status, 'recorded')
    const result = await new ApplySureBankMatches().handle({ statementId }, actor)
    assert.deepEqual(result, { applied: 0, refused: 1, remaining: 0 })
    const entry = await BookedBankEntry.findOrFail(stored[0].id)
    assert.equal(entry.state, 'open')
    assert.equal(entry.suggestion?.certainty, 'likely')
    assert.deepEqual(await paymentsOf(alfa), [[125_000, null]])
  })

  test('a saved mapping needs date, amount and text, and two banks’ headers never mix', async ({
    assert,
  }) => {
    await saveBankColumnRoles([
      { header: 'Dato', role: 'date' },
      { header: 'Beløb', role: 'amount' },
      { header: 'Tekst', role: 'text' },
      { header: 'Posteringsdag', role: 'date' },
      { header: 'Kroner', role: 'amount' },
      { header: 'Transaktion', role: 'text' },
      { header: 'Modtager', role: 'payer' },
      { header: 'Ukendt', role: 'nonsense' },
    ])
    const roles = await savedBankColumnRoles()
    assert.notInclude([...roles.values()] as string[], 'nonsense')
    assert.deepEqual(bankMappingFromRoles(['dato', 'Tekst', ' BELØB '], roles), {
      date: 'dato',
      text: 'Tekst',
      amount: ' BELØB ',
    })
    const other = ['Posteringsdag', 'Transaktion', 'Kroner', 'Modtager']
    assert.deepEqual(bankMappingFromRoles(other, roles), {
      date: 'Posteringsdag',
      text: 'Transaktion',
      amount: 'Kroner',
      payer: 'Modtager',
    })
    // One bank's date and the other's amount, with no text among them, is no mapping.
    assert.isUndefined(bankMappingFromRoles(['Posteringsdag', 'Beløb', 'Noget'], roles))
    assert.isUndefined(bankMappingFromRoles(['Dato', 'Beløb'], roles))
    assert.isUndefined(bankMappingFromRoles(['Dato', 'Beløb', 'Tekst'], new Map()))
  })

  test('a reconciliation’s groups add up to the movement; a missing entry shows as a file difference', async ({
    assert,
  }) => {
    const [a, b, c] = await invoices(3)
    const rows: CamtEntry[] = [
      fik('G1', a),
      fik('G2', b),
      plain('G3', '600.00', `Kontingent ${c.number}`),
      plain('G4', '5000.00', 'Tilskud'),
      plain('G5', '12.00', 'Ukendt'),
      { ...plain('G6', '45.00', 'Gebyr'), debit: true },
    ]
    const balances = { opening: '10000.00', closing: '18067.00' }
    const fits = await imported(rows, balances)
    await new ApplySureBankMatches().handle({ statementId: fits.statementId, limit: 1 }, actor)
    await new MarkBankEntry().handle({ entryId: fits.stored[3].id, as: 'not_dues' }, actor)
    const report = (await getStatementReconciliation(fits.statementId))!
    const groups = [report.matched, report.sure, report.toDecide, report.notDues, report.debits]
    assert.deepEqual(
      groups.map((part) => [part.count, part.ore]),
      [
        [1, 125_000],
        [1, 125_000],
        [2, 61_200],
        [1, 500_000],
        [1, -4_500],
      ]
    )
    assert.equal(report.movementOre, 806_700)
    assert.equal(
      groups.reduce((sum, part) => sum + part.ore, 0),
      report.movementOre
    )
    assert.equal(report.computedClosingOre, 1_806_700)
    assert.equal(report.fileDifferenceOre, 0)

    // The bank's balances still count the 12,00 kr. this file leaves out.
    const short = await imported(
      rows.filter((row) => row.ref !== 'G5'),
      balances
    )
    const missing = (await getStatementReconciliation(short.statementId))!
    assert.equal(missing.movementOre, 805_500)
    assert.equal(missing.fileDifferenceOre, 1_200)
  })
})
