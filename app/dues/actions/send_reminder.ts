import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import Reminder from '#dues/models/reminder'
import SendInvoiceMailJob from '#dues/jobs/send_invoice_mail_job'
import { balanceOf } from '#dues/queries/invoice_balances'
import { nextReminderLevel } from '#dues/reminder_schedule'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'

export type SendReminderResult = { status: 'sent'; reminder: Reminder } | { status: 'not_due' }

/**
 * One planned rykker: sent only if that level is still the invoice's due
 * one today (it may have been paid, credited or reminded since it was
 * planned), with the fee it was planned with as its own line.
 */
export class SendReminder {
  async handle(
    input: { invoiceId: number; level: number; feeOre: number; recipient: string | null },
    actor: Actor
  ): Promise<SendReminderResult> {
    const today = danishToday()
    const settings = await getAssociationSettings()
    const invoice = await Invoice.query()
      .where('id', input.invoiceId)
      .preload('reminders')
      .preload('organisation')
      .firstOrFail()
    const balance = await balanceOf(invoice, today)
    const level =
      invoice.kind === 'invoice' && invoice.duesKey
        ? nextReminderLevel({
            dueDate: invoice.dueDate,
            sentOn: invoice.reminders.map((reminder) => reminder.sentOn),
            balanceOre: balance.balanceOre,
            today,
            intervalDays: settings.reminderIntervalDays,
          })
        : null
    if (level !== input.level) return { status: 'not_due' }
    let reminder: Reminder
    try {
      reminder = await db.transaction(async (trx) => {
        const created = await Reminder.create(
          {
            invoiceId: invoice.id,
            level,
            sentOn: today,
            feeOre: input.feeOre,
            sentTo: input.recipient,
          },
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
    } catch (error) {
      // Another run sent this level meanwhile.
      if (isUniqueViolation(error)) return { status: 'not_due' }
      throw error
    }
    await SendInvoiceMailJob.dispatch({
      invoiceId: invoice.id,
      purpose: 'reminder',
      reminderId: reminder.id,
    })
    return { status: 'sent', reminder }
  }
}
