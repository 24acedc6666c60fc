import { SendReminder } from '#dues/actions/send_reminder'
import { planReminders } from '#dues/queries/plan_reminders'
import type { Actor } from '#audit/actor'

export type RemindersSummary = { sent: { number: string; level: number; organisation: string }[] }

/**
 * Rykkere for every overdue invoice whose turn has come, each with the fee
 * from the settings as its own line. Paid and credited invoices get none;
 * running it twice on one day sends nothing twice.
 */
export class SendReminders {
  async handle(actor: Actor): Promise<RemindersSummary> {
    const plan = await planReminders()
    const summary: RemindersSummary = { sent: [] }
    for (const item of plan.items) {
      const result = await new SendReminder().handle(item, actor)
      if (result.status === 'sent') {
        summary.sent.push({
          number: item.number,
          level: item.level,
          organisation: item.organisation,
        })
      }
    }
    return summary
  }
}
