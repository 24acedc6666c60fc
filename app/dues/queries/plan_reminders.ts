import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { nextReminderLevel, MAX_REMINDER_FEE_ORE } from '#dues/reminder_schedule'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { billingRecipients } from '#members/contact_roles'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { planFingerprint } from '#dues/runs/fingerprint'

export type PlannedReminder = {
  invoiceId: number
  number: string
  organisationId: number
  organisation: string
  level: number
  feeOre: number
  balanceOre: number
  /** The address the reminder goes to; null when the member has none. */
  recipient: string | null
}

export type ReminderPlan = {
  items: PlannedReminder[]
  feeOre: number
  totalFeeOre: number
  fingerprint: string
}

/** The reminder fee as the settings give it, within what the law allows. */
export function reminderFee(settingFeeOre: number) {
  return Math.min(Math.max(settingFeeOre, 0), MAX_REMINDER_FEE_ORE)
}

/**
 * The rykkere due today, without sending any: every overdue dues invoice
 * whose next reminder's turn has come, with its fee and where it goes.
 */
export async function planReminders(today: DateTime = danishToday()): Promise<ReminderPlan> {
  const settings = await getAssociationSettings()
  const fee = reminderFee(settings.reminderFeeOre)
  const overdue = await Invoice.query()
    .where('kind', 'invoice')
    .whereNotNull('dues_key')
    .where('due_date', '<', today.toISODate()!)
    .preload('reminders')
    .preload('organisation', (organisation) => organisation.preload('contacts'))
    .orderBy('number')
  const balances = await getBalances(overdue, today)
  const items: PlannedReminder[] = []
  for (const invoice of overdue) {
    const balanceOre = balances.get(invoice.id)!.balanceOre
    const level = nextReminderLevel({
      dueDate: invoice.dueDate,
      sentOn: invoice.reminders.map((reminder) => reminder.sentOn),
      balanceOre,
      today,
      intervalDays: settings.reminderIntervalDays,
    })
    if (!level) continue
    items.push({
      invoiceId: invoice.id,
      number: invoice.number,
      organisationId: invoice.organisationId,
      organisation: invoice.organisation.name,
      level,
      feeOre: fee,
      balanceOre,
      recipient: billingRecipients(invoice.organisation.contacts)[0]?.email ?? null,
    })
  }
  return {
    items,
    feeOre: fee,
    totalFeeOre: fee * items.length,
    fingerprint: planFingerprint([
      'remind',
      today.toISODate(),
      items.map((item) => [item.invoiceId, item.level, item.feeOre, item.recipient]),
    ]),
  }
}
