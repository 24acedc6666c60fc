import vine from '@vinejs/vine'

/** An account number as charts of accounts have them: digits only, at most ten. */
export const accountNumber = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,10}$/)

/** e-conomic numbers vouchers with up to nine digits. */
export const MAX_VOUCHER_NUMBER = 999_999_999

export const bookkeepingRangeValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('from'),
  format: vine.enum(['csv', 'xlsx']),
  first_voucher: vine.number().withoutDecimals().min(1).max(MAX_VOUCHER_NUMBER).optional(),
})
