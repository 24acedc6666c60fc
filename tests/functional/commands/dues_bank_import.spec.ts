import { test } from '@japa/runner'
import { cleanUpDuesAfterEach } from '#tests/helpers/dues_records'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Payment from '#dues/models/payment'
import type Invoice from '#dues/models/invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { camt053, type CamtEntry } from '#tests/helpers/bank_statements'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

type StatementEntry = CamtEntry

async function paymentsOf(invoice: Invoice) {
  const payments = await Payment.query().where('invoice_id', invoice.id).orderBy('id')
  return payments.map((payment) => [payment.paidOn.toISODate(), payment.amountOre])
}

/* The command runs as its own process, outside any test transaction: this group cleans up. */
test.group('node ace dues:bank-import', (group) => {
  commandLayerOnce(group)
  cleanUpDuesAfterEach(group)
  const folder = app.tmpPath('dues-bank-import-files')

  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    return () => rm(folder, { recursive: true, force: true })
  })

  test('pays the sure matches, lists the rest, and applies nothing twice', async ({ assert }) => {
    await sellerSettings()
    const tier = await tierWithFee('Organisationer', 125_000)
    const invoices = []
    for (const name of ['Alfa Forening', 'Beta Klub', 'Gamma Samvirke', 'Delta Netværk']) {
      const { organisation } = await member(tier, { name })
      invoices.push(await issueInvoice(organisation))
    }
    const [alfa, beta, gamma, delta] = invoices
    const today = danishToday()
    const day1 = today.minus({ days: 2 }).toISODate()!
    const day2 = today.minus({ days: 1 }).toISODate()!
    const first: StatementEntry[] = [
      { ref: 'R1', amount: '1250.00', date: day1, paymentId: fikPaymentIdFor(alfa.number) },
      { ref: 'R2', amount: '1250.00', date: day1, text: `Faktura ${beta.number}` },
      { ref: 'R3', amount: '500.00', date: day2, text: `Kontingent ${gamma.number}` },
      { ref: 'R4', amount: '89.00', date: day2, debit: true, text: 'Gebyr' },
      { ref: 'R5', amount: '12.34', date: day2, payer: 'Nabohuset', text: 'Tak for laan' },
    ]
    const file = `${folder}/kontoudtog.xml`
    await writeFile(file, camt053(first))

    const dry = await runAce(['dues:bank-import', file, '--dry-run'])
    assert.equal(dry.code, 0, dry.stdout + dry.stderr)
    assert.include(
      dry.stdout,
      '0 paid, 2 sure to pay, 1 to decide, 1 unmatched, 0 not dues, 1 money out, 0 not booked yet, 0 imported before'
    )
    assert.lengthOf(await db.from('payments'), 0)
    assert.lengthOf(await db.from('bank_entries'), 0)
    assert.lengthOf(await db.from('import_files').where('kind', 'bank'), 0)

    const run = await runAce(['dues:bank-import', file])
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.include(run.stdout, '1.250,00 kr.')
    assert.include(run.stdout, `paid ${alfa.number} Alfa Forening, by FI payment ID`)
    assert.include(run.stdout, `paid ${beta.number} Beta Klub, by invoice number`)
    assert.include(run.stdout, `likely match ${gamma.number} Gamma Samvirke (part payment)`)
    assert.include(run.stdout, 'ignored: money out')
    assert.include(
      run.stdout,
      '2 paid, 0 sure to pay, 1 to decide, 1 unmatched, 0 not dues, 1 money out, 0 not booked yet, 0 imported before'
    )
    assert.deepEqual(await paymentsOf(alfa), [[day1, 125_000]])
    assert.deepEqual(await paymentsOf(beta), [[day1, 125_000]])
    assert.deepEqual(await paymentsOf(gamma), [])
    const stored = await db.from('bank_entries').orderBy('id')
    assert.deepEqual(
      stored.map((row) => [row.state, row.match_reason]),
      [
        ['matched', 'fik_payment_id'],
        ['matched', 'invoice_number'],
        ['open', null],
        ['debit', null],
        ['open', null],
      ]
    )
    const linked = await db.from('payments').whereNotNull('bank_entry_id').orderBy('id')
    assert.deepEqual(
      linked.map((row) => Number(row.bank_entry_id)),
      [Number(stored[0].id), Number(stored[1].id)]
    )
    const event = await db.from('audit_events').where('action', 'bank.imported').firstOrFail()
    assert.equal(event.subject_type, 'import_file')

    const again = await runAce(['dues:bank-import', file])
    assert.equal(again.code, 0, again.stdout + again.stderr)
    assert.include(
      again.stdout,
      '2 paid, 0 sure to pay, 1 to decide, 1 unmatched, 0 not dues, 1 money out, 0 not booked yet, 5 imported before'
    )
    assert.lengthOf(await db.from('bank_entries'), 5)
    assert.deepEqual(await paymentsOf(alfa), [[day1, 125_000]])
    assert.deepEqual(await paymentsOf(beta), [[day1, 125_000]])

    const overlapping = `${folder}/kontoudtog-2.xml`
    await writeFile(
      overlapping,
      camt053([
        first[0],
        {
          ref: 'R6',
          amount: '1250.00',
          date: today.toISODate()!,
          paymentId: fikPaymentIdFor(delta.number),
        },
      ])
    )
    const next = await runAce(['dues:bank-import', overlapping])
    assert.equal(next.code, 0, next.stdout + next.stderr)
    assert.include(
      next.stdout,
      '2 paid, 0 sure to pay, 0 to decide, 0 unmatched, 0 not dues, 0 money out, 0 not booked yet, 1 imported before'
    )
    assert.deepEqual(await paymentsOf(alfa), [[day1, 125_000]])
    assert.deepEqual(await paymentsOf(delta), [[today.toISODate(), 125_000]])
    assert.lengthOf(await db.from('bank_entries'), 6)
  }).timeout(180_000)

  test('a missing or unreadable file exits 1 and writes nothing', async ({ assert }) => {
    const missing = await runAce(['dues:bank-import', `${folder}/none.xml`])
    assert.equal(missing.code, 1)
    assert.include(missing.stdout + missing.stderr, 'Cannot read the file')
    const garbage = `${folder}/garbage.csv`
    await writeFile(garbage, 'no;bank;here\n1;2;3\n')
    const unreadable = await runAce(['dues:bank-import', garbage])
    assert.equal(unreadable.code, 1)
    assert.include(unreadable.stdout + unreadable.stderr, 'No known bank writes the columns')
    const broken = `${folder}/broken.xml`
    await writeFile(broken, '<?xml version="1.0"?><Document><BkToCstmrStmt>')
    const notXml = await runAce(['dues:bank-import', broken])
    assert.equal(notXml.code, 1)
    assert.include(notXml.stdout + notXml.stderr, 'Cannot read the statement')
    assert.lengthOf(await db.from('import_files').where('kind', 'bank'), 0)
  }).timeout(60_000)
})
