import vine from '@vinejs/vine'

const year = () => vine.number().withoutDecimals().min(2000).max(2100)
/** The confirmation form's one-time key (generateToken: 43 characters of base64url). */
const runToken = () =>
  vine
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .fixedLength(43)
const fingerprint = () => vine.string().regex(/^[0-9a-f]{64}$/)

/** Which run the confirmation page plans: the year, and whether EAN members without a reference count. */
export const planGenerateValidator = vine.create({
  year: year(),
  without_reference: vine.boolean().optional(),
})

export const runGenerateValidator = vine.create({
  year: year(),
  without_reference: vine.boolean().optional(),
  token: runToken(),
  fingerprint: fingerprint(),
})

export const runRemindValidator = vine.create({
  token: runToken(),
  fingerprint: fingerprint(),
})

/** The credit note's confirmation: the invoice number typed out, because it cannot be undone. */
export const confirmCreditValidator = vine.create({
  reason: vine.string().trim().maxLength(300).optional(),
  confirm_number: vine.string().trim().maxLength(40).optional(),
})
