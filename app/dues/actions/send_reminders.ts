import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import Reminder from '#dues/models/reminder'
import SendInvoiceMailJob from '#dues/jobs/send_invoice_mail_job'
import { getBalances } from '#dues/queries/invoice_balances'
import { nextReminderLevel, MAX_REMINDER_FEE_ORE } from '#dues/reminder_schedule'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { billingRecipients } from '#members/contact_roles'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'

export type RemindersSummary = { sent: { number: string; level: number; organisation: string }[] }

/**
 * Rykkere for every overdue invoice whose turn has come, each with the fee
 * from the settings as its own line. Paid and credited invoices get none;
 * running it twice on one day sends nothing twice.
 */
export class SendReminders {
  async handle(actor: Actor): Promise<RemindersSummary> {
    const today = danishToday()
    const settings = await getAssociationSettings()
    const fee = Math.min(Math.max(settings.reminderFeeOre, 0), MAX_REMINDER_FEE_ORE)
    const overdue = await Invoice.query()
      .where('kind', 'invoice')
      .whereNotNull('dues_key')
      .where('due_date', '<', today.toISODate()!)
      .preload('reminders')
      .preload('organisation', (organisation) => organisation.preload('contacts'))
      .orderBy('number')
    const balances = await getBalances(overdue, today)
    const summary: RemindersSummary = { sent: [] }

    for (const invoice of overdue) {
      const level = nextReminderLevel({
        dueDate: invoice.dueDate,
        sentOn: invoice.reminders.map((reminder) => reminder.sentOn),
        balanceOre: balances.get(invoice.id)!.balanceOre,
        today,
        intervalDays: settings.reminderIntervalDays,
      })
      if (!level) continue
      const recipient = billingRecipients(invoice.organisation.contacts)[0]?.email ?? null
      try {
        const reminder = await db.transaction(async (trx) => {
          const created = await Reminder.create(
            { invoiceId: invoice.id, level, sentOn: today, feeOre: fee, sentTo: recipient },
            { client: trx }
          )
          await recordAuditEvent(trx, actor, {
            module: 'dues',
            action: 'reminder.sent',
            details: { number: invoice.number, level, organisation: invoice.organisation.name },
            subject: { type: 'invoice', id: invoice.id },
          })
          return created
        })
        await SendInvoiceMailJob.dispatch({
          invoiceId: invoice.id,
          purpose: 'reminder',
          reminderId: reminder.id,
        })
        summary.sent.push({
          number: invoice.number,
          level,
          organisation: invoice.organisation.name,
        })
      } catch (error) {
        // Another run sent this level meanwhile.
        if (!isUniqueViolation(error)) throw error
      }
    }
    return summary
  }
}
