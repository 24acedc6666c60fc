import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import DuesRun from '#dues/models/dues_run'
import Reminder from '#dues/models/reminder'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { StartAutomaticReminders } from '#operations/schedule/start_automatic_reminders'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

const treasurer = Actors.user({ id: 7, email: 'kasserer@example.org' }, '127.0.0.1')

/** Two members whose invoices are long overdue: two reminders are due today. */
async function twoOverdueInvoices(automaticReminders: boolean) {
  await sellerSettings({ reminderFeeOre: 10_000, automaticReminders })
  const { year, organisations } = await tierWithMembers({ count: 2 })
  for (const organisation of organisations) {
    const result = await new IssueDuesInvoice().handle(
      { organisationId: organisation.id, year, issueDate: danishToday().minus({ days: 60 }) },
      treasurer
    )
    if (result.status !== 'issued') throw new Error(result.status)
  }
}

test.group('Automatic dues reminders', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('turned off (the default), the daily job starts nothing and sends nothing', async ({
    assert,
  }) => {
    await twoOverdueInvoices(false)
    const result = await new StartAutomaticReminders().handle()
    assert.deepEqual(result, { status: 'off' })
    assert.lengthOf(await DuesRun.all(), 0)
    assert.lengthOf(await Reminder.all(), 0)
    assert.lengthOf(catcher.messages, 0)
  })

  test('turned on, it starts one reminder run as the scheduler; a second start that day starts none', async ({
    assert,
  }) => {
    await twoOverdueInvoices(true)
    const now = DateTime.now()
    const first = await new StartAutomaticReminders().handle(now)
    assert.equal(first.status, 'started')
    const second = await new StartAutomaticReminders().handle(now.plus({ minutes: 5 }))
    assert.equal(second.status, 'existing')

    const runs = await DuesRun.all()
    assert.lengthOf(runs, 1)
    assert.equal(runs[0].kind, 'remind')
    assert.isNull(runs[0].userId)
    assert.equal(runs[0].actorLabel, 'scheduler')
    assert.equal(runs[0].state, 'done')
    assert.equal(runs[0].total, 2)
    assert.lengthOf(await Reminder.all(), 2)
    await catcher.waitFor()
    assert.lengthOf(catcher.messages, 2)
    const audited = await AuditEvent.query()
      .where('module', 'dues')
      .where('actorLabel', 'scheduler')
    assert.isAtLeast(audited.length, 2)
  })

  test("the run's one-time key is the date in Denmark", async ({ assert }) => {
    // 23.30 UTC on a winter evening is already tomorrow in Copenhagen.
    const late = DateTime.fromISO('2026-12-04T23:30:00Z')
    const { automaticRunToken } = await import('#operations/schedule/start_automatic_reminders')
    assert.equal(automaticRunToken(late), 'automatic-reminders-2026-12-05')
    assert.equal(
      automaticRunToken(DateTime.fromISO('2026-12-04T22:30:00Z')),
      'automatic-reminders-2026-12-04'
    )
  })

  test('the treasurer turns it on and off on the dues settings form, audited', async ({
    assert,
  }) => {
    const { SaveDuesSettings } = await import('#dues/actions/save_dues_settings')
    const { getAssociationSettings } = await import('#association/queries/get_association_settings')
    assert.isFalse((await getAssociationSettings()).automaticReminders)
    const terms = {
      duesProration: 'none' as const,
      invoiceDueDays: 14,
      reminderFeeOre: 10_000,
      reminderIntervalDays: 14,
    }
    await new SaveDuesSettings().handle({ ...terms }, treasurer)
    const on = await new SaveDuesSettings().handle(
      { ...terms, automaticReminders: true },
      treasurer
    )
    assert.equal(on.status, 'saved')
    assert.isTrue((await getAssociationSettings()).automaticReminders)
    const event = await AuditEvent.query()
      .where('action', 'dues.settings_saved')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.deepEqual(event.changes?.automaticReminders, { from: false, to: true })
    // A save that leaves it out (another form) keeps it on.
    await new SaveDuesSettings().handle({ ...terms, reminderFeeOre: 5_000 }, treasurer)
    assert.isTrue((await getAssociationSettings()).automaticReminders)
  })
})
