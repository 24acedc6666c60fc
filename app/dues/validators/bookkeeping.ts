import vine from '@vinejs/vine'

/** An account number as charts of accounts have them: digits only, at most ten. */
export const accountNumber = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,10}$/)

export const bookkeepingRangeValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('from'),
  format: vine.enum(['csv', 'xlsx']),
})
