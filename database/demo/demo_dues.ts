import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Invoice from '#dues/models/invoice'
import Reminder from '#dues/models/reminder'
import { IssueDuesInvoices } from '#dues/actions/issue_dues_invoices'
import { RecordPayment } from '#dues/actions/record_payment'
import type { PaymentMethod } from '#dues/models/payment'
import { Actors } from '#audit/actor'

const FIRST_YEAR = 2021

/**
 * Dues from the founding year on: every past year invoiced in January and
 * paid; this year mixed, as a treasurer's year looks in late autumn: most
 * paid, one partly, and two overdue with reminders sent. Empty tables only.
 */
export async function seedDemoDues() {
  const existing = await db.from('invoices').count('* as total').first()
  if (Number(existing?.total ?? 0) > 0) return false

  const treasurer = Actors.system('demo data')
  const thisYear = DateTime.now().setZone('Europe/Copenhagen').year
  for (let year = FIRST_YEAR; year <= thisYear; year++) {
    const issueDate = DateTime.fromObject({ year, month: year === FIRST_YEAR ? 2 : 1, day: 15 })
    const { issued } = await new IssueDuesInvoices().handle(
      { year, issueDate, mail: false },
      treasurer
    )
    for (const [index, invoice] of issued.entries()) {
      const plan = year < thisYear ? 'paid' : planForThisYear(index)
      await settle(invoice, plan, index)
    }
  }
  return true
}

type Plan = 'paid' | 'partly_paid' | 'overdue_one_reminder' | 'overdue_two_reminders'

function planForThisYear(index: number): Plan {
  if (index === 3) return 'partly_paid'
  if (index === 5) return 'overdue_one_reminder'
  if (index === 6) return 'overdue_two_reminders'
  return 'paid'
}

const METHODS: PaymentMethod[] = ['bank_transfer', 'bank_transfer', 'mobilepay', 'bank_transfer']

async function settle(invoice: Invoice, plan: Plan, index: number) {
  const actor = Actors.system('demo data')
  const dueDate = invoice.dueDate!
  if (plan === 'paid' || plan === 'partly_paid') {
    await new RecordPayment().handle(
      {
        invoiceId: invoice.id,
        amountOre: plan === 'paid' ? invoice.totalOre : Math.round(invoice.totalOre / 2),
        paidOn: invoice.issueDate.plus({ days: 8 + index * 3 }),
        method: METHODS[index % METHODS.length],
        note: plan === 'partly_paid' ? 'Første rate' : null,
      },
      actor
    )
    return
  }
  // Reminders that went out in spring, as dues:remind would have sent them.
  const levels = plan === 'overdue_one_reminder' ? 1 : 2
  for (let level = 1; level <= levels; level++) {
    await Reminder.create({
      invoiceId: invoice.id,
      level,
      sentOn: dueDate.plus({ days: 3 + (level - 1) * 14 }),
      feeOre: 10_000,
      sentTo: null,
    })
  }
}
