/**
 * FI-kort (indbetalingskort) type +71: the code line a payer types into the
 * netbank, `+71<` 15-digit payment ID `+` 8-digit FI creditor number `<`.
 * The payment ID comes back on the bank statement (camt.053, under
 * RmtInf/Strd/CdtrRefInf/Ref), so it must lead back to exactly one invoice.
 */

export const FIK_CARD_TYPE = '71'
const PAYMENT_ID_LENGTH = 15

/**
 * Modulus 10 over the digits: weights 2, 1, 2, … from the right, the digits of
 * each product added up, then whatever brings the sum to a multiple of ten.
 * Leading zeros weigh nothing, so "1" and "00000000000001" share check digit 8.
 */
export function fikCheckDigit(digits: string) {
  if (!/^\d+$/.test(digits)) throw new TypeError(`Only digits have a check digit, got "${digits}"`)
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    const weight = index % 2 === 0 ? 2 : 1
    const product = Number(digits[digits.length - 1 - index]) * weight
    sum += product > 9 ? product - 9 : product
  }
  return (10 - (sum % 10)) % 10
}

/** 15 digits whose last is the check digit of the 14 before it. */
export function isValidFikPaymentId(id: string) {
  if (!new RegExp(`^\\d{${PAYMENT_ID_LENGTH}}$`).test(id)) return false
  return fikCheckDigit(id.slice(0, -1)) === Number(id.at(-1))
}

/*
 * Invoice numbers are "2026-0001": the year, a dash, the sequence padded to at
 * least four digits (see numbering.ts). The ID keeps the year and the sequence
 * as written, without the dash, zero-padded on the left to 14 digits:
 * 2026-0001 → 00000020260001 + check digit. The year never starts with 0, so
 * reading back strips the padding, takes four digits for the year and the rest
 * for the sequence, and gives the very number that was encoded.
 *
 * Only the invoice series is paid. Credit notes ("K2026-0001") carry a letter
 * and are refused rather than stripped to digits, which would give them the
 * ID of invoice 2026-0001.
 */
const INVOICE_NUMBER = /^(\d{4})-(\d{4,10})$/

/** The payment ID of an invoice number; throws for a number no invoice has. */
export function fikPaymentIdFor(invoiceNumber: string) {
  const match = INVOICE_NUMBER.exec(invoiceNumber)
  if (!match || match[1].startsWith('0')) {
    throw new TypeError(`"${invoiceNumber}" is not an invoice number of the form 2026-0001`)
  }
  const body = `${match[1]}${match[2]}`.padStart(PAYMENT_ID_LENGTH - 1, '0')
  return `${body}${fikCheckDigit(body)}`
}

/** The invoice number a payment ID stands for, or null when it is none of ours. */
export function invoiceNumberFromFikPaymentId(id: string) {
  const digits = id.replace(/\s/g, '')
  if (!isValidFikPaymentId(digits)) return null
  const body = digits.slice(0, -1).replace(/^0+/, '')
  const year = body.slice(0, 4)
  const sequence = body.slice(4)
  if (year.length < 4 || sequence.length < 4) return null
  return `${year}-${sequence}`
}

/**
 * FI creditor numbers are 8 digits and begin with 8. Banks publish no check
 * digit for them, so none is tested: refusing a real number would be worse
 * than letting a mistyped one through, which the first payment would show.
 */
export function normaliseFiCreditorNumber(input: string) {
  return input.replace(/[\s-]/g, '')
}

export function isValidFiCreditorNumber(input: string) {
  return /^8\d{7}$/.test(normaliseFiCreditorNumber(input))
}

/** The line exactly as a bank expects it: `+71<106548702380495+81234567<`. */
export function fikCodeLine(paymentId: string, creditorNumber: string) {
  if (!isValidFikPaymentId(paymentId)) throw new TypeError(`"${paymentId}" is not a payment ID`)
  if (!isValidFiCreditorNumber(creditorNumber)) {
    throw new TypeError(`"${creditorNumber}" is not an FI creditor number`)
  }
  return `+${FIK_CARD_TYPE}<${paymentId}+${creditorNumber}<`
}
