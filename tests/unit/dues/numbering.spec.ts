import { test } from '@japa/runner'
import { deleteDuesRecords } from '#tests/helpers/dues_records'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import { takeNextNumber } from '#dues/numbering'
import { IssueDuesInvoices } from '#dues/actions/issue_dues_invoices'
import { Actors } from '#audit/actor'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'

test.group('Invoice numbers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('run on from one per series and kind; a rolled-back issue gives its number back', async ({
    assert,
  }) => {
    const take = (kind: 'invoice' | 'credit_note', year: number) =>
      db.transaction((trx) => takeNextNumber(trx, kind, year))
    assert.deepInclude(await take('invoice', 2026), { number: '2026-0001', sequence: 1 })
    assert.deepInclude(await take('invoice', 2026), { number: '2026-0002', sequence: 2 })
    assert.deepInclude(await take('credit_note', 2026), { number: 'K2026-0001', sequence: 1 })
    assert.deepInclude(await take('invoice', 2027), { number: '2027-0001', sequence: 1 })

    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await takeNextNumber(trx, 'invoice', 2026)
        throw new Error('the invoice could not be written')
      })
    )
    assert.deepInclude(await take('invoice', 2026), { number: '2026-0003' })
  })
})

/*
 * Real concurrency needs real connections, so this group commits and
 * cleans up after itself. On MariaDB the two runs overlap; on SQLite they
 * queue, and the result must be the same.
 */
test.group('Two dues runs at once', (group) => {
  group.each.teardown(async () => {
    await deleteDuesRecords()
    // sellerSettings() committed the association's details; later tests expect none.
    await db.from('association_settings').delete()
  })

  test('issue each member one invoice, numbered without a gap or a duplicate', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers({ count: 12 })
    const run = () =>
      new IssueDuesInvoices().handle({ year, mail: false }, Actors.system('concurrency test'))
    const [first, second] = await Promise.all([run(), run()])

    assert.equal(first.issued.length + second.issued.length, 12)
    const invoices = await Invoice.query().where('year', year).orderBy('sequence')
    assert.lengthOf(invoices, 12)
    assert.deepEqual(
      invoices.map((invoice) => invoice.sequence),
      Array.from({ length: 12 }, (_, index) => index + 1)
    )
    assert.sameMembers(
      invoices.map((invoice) => invoice.organisationId),
      organisations.map((organisation) => organisation.id)
    )
  })

  test('many numbers taken at once are all different and leave no gap', async ({ assert }) => {
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction((trx) => takeNextNumber(trx, 'credit_note', 2099))
      )
    )
    assert.deepEqual(
      numbers.map((taken) => taken.sequence).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, index) => index + 1)
    )
  })
})
