import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import Invoice from '#dues/models/invoice'
import DuesRun from '#dues/models/dues_run'
import { StartDuesRun } from '#dues/actions/start_dues_run'
import { planInvoiceRun } from '#dues/queries/plan_invoice_run'
import { Actors } from '#audit/actor'
import { generateToken } from '#shared/tokens'
import { UserFactory } from '#database/factories/user_factory'
import { cleanUpDuesAfterEach } from '#tests/helpers/dues_records'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { member, sellerSettings, thisYear, tierWithFee } from '#tests/functional/dues/helpers'
import { openConfirmation, runFormOf, runIdOf, submitRun } from '#tests/functional/dues/run_flow'

async function membersToInvoice(count: number) {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  for (let index = 1; index <= count; index++) {
    await member(tier, { name: `Forening ${index}`, primaryEmail: `f${index}@example.org` })
  }
}

/** The year's invoice numbers are 1..n in their series: none twice, none skipped. */
async function assertGapFree(assert: { deepEqual: Function }, expected: number) {
  const invoices = await Invoice.query().where('kind', 'invoice').orderBy('sequence')
  assert.deepEqual(
    invoices.map((invoice) => invoice.sequence),
    Array.from({ length: expected }, (_, index) => index + 1)
  )
  const keys = new Set(invoices.map((invoice) => invoice.duesKey))
  assert.deepEqual(keys.size, expected)
}

/*
 * A double click sends the same form twice at the same moment. A test
 * transaction would put both requests on one connection, so this group runs
 * on the real pool (SQLite or MariaDB, as the suite is run) and removes what
 * it wrote after each test.
 */
test.group('Dues runs submitted twice at once', (group) => {
  let catcher: MailCatcher
  let users: User[] = []
  cleanUpDuesAfterEach(group)
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return async () => {
      await catcher.stop()
      await db.from('dues_run_items').delete()
      await db.from('dues_runs').delete()
      for (const user of users) await db.from('users').where('id', user.id).delete()
      users = []
    }
  })

  test('two POSTs of one confirmation at once issue the invoices once, with gap-free numbers', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    users.push(treasurer)
    await membersToInvoice(5)
    const year = thisYear()
    const form = runFormOf((await openConfirmation(client, treasurer, 'generate', { year })).text())

    const responses = await Promise.all([
      submitRun(client, treasurer, 'generate', form),
      submitRun(client, treasurer, 'generate', form),
    ])
    const runIds = responses.map((response) => runIdOf(response.header('location')))
    assert.equal(runIds[0], runIds[1])
    assert.lengthOf(await DuesRun.all(), 1)
    await assertGapFree(assert, 5)

    const result = await client.get(`/dues/runs/${runIds[0]}`).loginAs(treasurer)
    assert.equal((result.text().match(/data-outcome="issued"/g) ?? []).length, 5)
  }).timeout(60_000)

  test('the action started twice at once with one token makes one run', async ({ assert }) => {
    await membersToInvoice(3)
    const year = thisYear()
    const plan = await planInvoiceRun({ year, withoutReference: false })
    const input = {
      kind: 'generate' as const,
      token: generateToken(),
      fingerprint: plan.fingerprint,
      year,
      withoutReference: false,
    }
    const results = await Promise.all([
      new StartDuesRun().handle(input, Actors.system('test')),
      new StartDuesRun().handle(input, Actors.system('test')),
      new StartDuesRun().handle(input, Actors.system('test')),
    ])
    const statuses = results.map((result) => result.status).sort()
    assert.deepEqual(statuses, ['existing', 'existing', 'started'])
    assert.lengthOf(await DuesRun.all(), 1)
    await assertGapFree(assert, 3)
  }).timeout(60_000)
})
