import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import DuesRun from '#dues/models/dues_run'
import DuesRunItem from '#dues/models/dues_run_item'
import { planInvoiceRun } from '#dues/queries/plan_invoice_run'
import { planReminders } from '#dues/queries/plan_reminders'
import { StartDuesRun } from '#dues/actions/start_dues_run'
import { ExecuteDuesRun } from '#dues/actions/execute_dues_run'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { generateToken } from '#shared/tokens'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'

const actor = Actors.user(
  { id: 7, email: 'kasserer@example.org' },
  { ip: '127.0.0.1', userAgent: 'Firefox/133.0' }
)

async function tableCounts() {
  const counts: Record<string, number> = {}
  for (const table of ['invoices', 'reminders', 'dues_runs', 'audit_events']) {
    const row = await db.from(table).count('* as n').first()
    counts[table] = Number(row.n)
  }
  return counts
}

function start(kind: 'generate' | 'remind', fingerprint: string, year: number | null = null) {
  return new StartDuesRun().handle(
    { kind, token: generateToken(), fingerprint, year, withoutReference: false },
    actor
  )
}

test.group('Planning a dues run', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('lists each member to invoice with its amount, the skipped with why, and writes nothing', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers({ count: 2, feeOre: 90_000 })
    const invoiced = await tierWithMembers({ year, count: 1 })
    await new IssueDuesInvoice().handle(
      { organisationId: invoiced.organisations[0].id, year },
      actor
    )
    const noTier = await OrganisationFactory.merge({ tierId: null, name: 'Aaa Uden' }).create()
    await OrganisationFactory.apply('applicant').merge({ tierId: invoiced.tier.id }).create()
    const before = await tableCounts()

    const plan = await planInvoiceRun({ year, withoutReference: false })
    assert.sameMembers(
      plan.items.map((item) => item.organisationId),
      organisations.map((organisation) => organisation.id)
    )
    assert.isTrue(plan.items.every((item) => item.amountOre === 90_000 && item.quarters === 4))
    assert.equal(plan.totalOre, 180_000)
    assert.equal(plan.alreadyInvoiced, 1)
    assert.deepEqual(plan.skipped, [
      { organisationId: noTier.id, organisation: 'Aaa Uden', reason: 'no_tier' },
    ])
    assert.match(plan.fingerprint, /^[0-9a-f]{64}$/)
    assert.deepEqual(await tableCounts(), before)
  })

  test('the fingerprint stays while nothing changes, and changes with a new member or a new fee', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, tier } = await tierWithMembers({ count: 2 })
    const first = await planInvoiceRun({ year, withoutReference: false })
    assert.equal(
      (await planInvoiceRun({ year, withoutReference: false })).fingerprint,
      first.fingerprint
    )
    assert.notEqual(
      (await planInvoiceRun({ year, withoutReference: true })).fingerprint,
      first.fingerprint
    )

    await OrganisationFactory.merge({ tierId: tier.id })
      .with('contacts', 1, (contact) => contact.apply('primary'))
      .create()
    const joined = await planInvoiceRun({ year, withoutReference: false })
    assert.lengthOf(joined.items, 3)
    assert.notEqual(joined.fingerprint, first.fingerprint)

    await db.from('tier_fees').where('tier_id', tier.id).update({ amount_ore: 130_000 })
    assert.notEqual(
      (await planInvoiceRun({ year, withoutReference: false })).fingerprint,
      joined.fingerprint
    )
  })

  test('reminders: the overdue unpaid invoices with the fee each gets; a paid one drops out', async ({
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 7_500 })
    const { year, organisations } = await tierWithMembers({ count: 3 })
    const longAgo = danishToday().minus({ days: 60 })
    const invoices: Invoice[] = []
    for (const [index, organisation] of organisations.entries()) {
      const result = await new IssueDuesInvoice().handle(
        { organisationId: organisation.id, year, issueDate: index < 2 ? longAgo : undefined },
        actor
      )
      if (result.status !== 'issued') throw new Error(result.status)
      invoices.push(result.invoice)
    }
    const plan = await planReminders()
    assert.deepEqual(
      plan.items.map((item) => [item.invoiceId, item.level, item.feeOre, item.balanceOre]),
      [
        [invoices[0].id, 1, 7_500, 125_000],
        [invoices[1].id, 1, 7_500, 125_000],
      ]
    )
    assert.equal(plan.totalFeeOre, 15_000)
    assert.lengthOf(await Reminder.all(), 0)

    await Payment.create({
      invoiceId: invoices[1].id,
      amountOre: 125_000,
      paidOn: danishToday(),
      method: 'cash',
      note: null,
      recordedBy: 'test',
    })
    const after = await planReminders()
    assert.deepEqual(
      after.items.map((item) => item.invoiceId),
      [invoices[0].id]
    )
    assert.notEqual(after.fingerprint, plan.fingerprint)
  })
})

test.group('The run record', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a confirmed run stores its plan, runs it to done and records each outcome', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers({ count: 3 })
    const plan = await planInvoiceRun({ year, withoutReference: false })
    const result = await start('generate', plan.fingerprint, year)
    assert.equal(result.status, 'started')
    if (result.status !== 'started') return

    // The sync queue of the tests has run the job already.
    const run = await DuesRun.query().where('id', result.run.id).preload('items').firstOrFail()
    assert.equal(run.state, 'done')
    assert.deepEqual([run.total, run.done, run.percent, run.totalOre], [3, 3, 100, 375_000])
    assert.equal(run.actorLabel, 'kasserer@example.org')
    assert.isNotNull(run.finishedAt)
    assert.sameMembers(
      run.items.map((item) => item.organisationId),
      organisations.map((organisation) => organisation.id)
    )
    assert.isTrue(run.items.every((item) => item.outcome === 'issued' && item.invoiceId !== null))
    const invoices = await Invoice.query().orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => invoice.createdBy),
      Array(3).fill('kasserer@example.org')
    )
    // The job writes the events later, still naming where the run was confirmed from.
    const audited = await db
      .from('audit_events')
      .where('action', 'invoice.issued')
      .select('ip', 'user_agent')
    assert.deepEqual(audited, Array(3).fill({ ip: '127.0.0.1', user_agent: 'Firefox/133.0' }))
  })

  test('a stale fingerprint, an empty plan and a used token start nothing new', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year } = await tierWithMembers({ count: 1 })
    assert.deepEqual(await start('generate', 'f'.repeat(64), year), { status: 'stale' })
    assert.lengthOf(await DuesRun.all(), 0)
    assert.lengthOf(await Invoice.all(), 0)

    const remind = await planReminders()
    assert.deepEqual(await start('remind', remind.fingerprint), { status: 'nothing_to_do' })

    const plan = await planInvoiceRun({ year, withoutReference: false })
    const input = {
      kind: 'generate' as const,
      token: generateToken(),
      fingerprint: plan.fingerprint,
      year,
      withoutReference: false,
    }
    const first = await new StartDuesRun().handle(input, actor)
    const again = await new StartDuesRun().handle(input, actor)
    assert.equal(again.status, 'existing')
    assert.equal(
      again.status === 'existing' && first.status === 'started' && again.run.id === first.run.id,
      true
    )
    assert.lengthOf(await Invoice.all(), 1)
  })

  test('a run stopped half-way resumes at the first item not done, and a done run is left alone', async ({
    assert,
  }) => {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers({ count: 3 })
    const run = await DuesRun.create({
      kind: 'generate',
      token: generateToken(),
      fingerprint: '0'.repeat(64),
      year,
      withoutReference: false,
      state: 'failed',
      total: 3,
      done: 1,
      totalOre: 375_000,
      userId: 7,
      actorLabel: 'kasserer@example.org',
      actorIp: null,
      finishedAt: null,
    })
    const first = await new IssueDuesInvoice().handle(
      { organisationId: organisations[0].id, year },
      actor
    )
    if (first.status !== 'issued') throw new Error(first.status)
    await DuesRunItem.createMany(
      organisations.map((organisation, index) => ({
        runId: run.id,
        position: index + 1,
        organisationId: organisation.id,
        organisationName: organisation.name,
        invoiceId: index === 0 ? first.invoice.id : null,
        invoiceNumber: index === 0 ? first.invoice.number : null,
        level: null,
        amountOre: 125_000,
        recipient: null,
        outcome: index === 0 ? 'issued' : 'planned',
      }))
    )
    await new ExecuteDuesRun().handle({ runId: run.id })
    await run.refresh()
    assert.deepEqual([run.state, run.done], ['done', 3])
    assert.deepEqual(
      (await Invoice.query().orderBy('sequence')).map((invoice) => invoice.sequence),
      [1, 2, 3]
    )

    await new ExecuteDuesRun().handle({ runId: run.id })
    assert.lengthOf(await Invoice.all(), 3)
  })
})
