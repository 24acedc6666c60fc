import vine from '@vinejs/vine'
import { kronerRule } from '#shared/validation/rules'
import { PAYMENT_METHODS } from '#dues/models/payment'
import { MIN_REMINDER_INTERVAL_DAYS } from '#dues/reminder_schedule'
import { accountNumber } from '#dues/validators/bookkeeping'

const year = () => vine.number().withoutDecimals().min(2000).max(2100)
/** Kroner typed in a form; the rule leaves whole øre. */
const kroner = () =>
  vine
    .string()
    .trim()
    .use(kronerRule())
    .transform((value) => Number(value))

export const yearValidator = vine.create({ year: year().optional() })

export const feeValidator = vine.create({
  tier_id: vine.number().withoutDecimals(),
  year: year(),
  amount: kroner(),
})

export const tierValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  description: vine.string().trim().maxLength(500).optional(),
})

export const duesSettingsValidator = vine.create({
  dues_proration: vine.enum(['none', 'quarters']),
  invoice_due_days: vine.number().withoutDecimals().min(1).max(120),
  reminder_fee: kroner(),
  reminder_interval_days: vine.number().withoutDecimals().min(MIN_REMINDER_INTERVAL_DAYS).max(90),
  automatic_reminders: vine.boolean().optional(),
  dues_income_account: accountNumber().optional(),
  fee_income_account: accountNumber().optional(),
  debtors_account: accountNumber().optional(),
  bank_account: accountNumber().optional(),
  vat_account: accountNumber().optional(),
})

/** Money received: a payment of nothing, or a negative one, is not a payment. */
const positiveOre = vine.createRule((value, _options, field) => {
  if (typeof value === 'number' && value <= 0) {
    field.report('Beløbet skal være større end 0,00 kr.', 'positive_kroner', field)
  }
})

export const paymentValidator = vine.create({
  amount: vine
    .string()
    .trim()
    .use(kronerRule())
    .use(positiveOre())
    .transform((value) => Number(value)),
  paid_on: vine.date({ formats: ['YYYY-MM-DD'] }),
  method: vine.enum(PAYMENT_METHODS),
  note: vine.string().trim().maxLength(300).optional(),
})

export const issueForYearValidator = vine.create({ year: year() })

/** Issuing for a year; the box confirms invoicing EAN members who lack a buyer reference. */
export const issueValidator = vine.create({
  year: year(),
  without_reference: vine.boolean().optional(),
})

export const INVOICE_FILTER_STATUSES = [
  'open',
  'overdue',
  'partly_paid',
  'paid',
  'credited',
  'unpaid',
] as const

export const invoiceFiltersValidator = vine.create({
  year: year().optional(),
  status: vine.enum(INVOICE_FILTER_STATUSES).optional(),
  ean: vine.boolean().optional(),
  q: vine.string().trim().maxLength(200).optional(),
})
