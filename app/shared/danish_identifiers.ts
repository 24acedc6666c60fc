/**
 * Danish identifiers: CVR (company register) numbers and EAN/GLN location
 * numbers, which public bodies use to receive electronic invoices.
 */

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1]

/** Strips spaces and a leading "DK" so "DK 12 34 56 78" reads as "12345678". */
export function normaliseCvr(input: string) {
  return input.replace(/^\s*DK/i, '').replace(/[\s-]/g, '')
}

/** 8 digits, not starting with 0, whose weighted sum is divisible by 11. */
export function isValidCvr(input: string) {
  const cvr = normaliseCvr(input)
  if (!/^[1-9]\d{7}$/.test(cvr)) return false
  const sum = [...cvr].reduce((acc, digit, index) => acc + Number(digit) * CVR_WEIGHTS[index], 0)
  return sum % 11 === 0
}

/** 13 digits with a GS1 mod-10 check digit (weights 1,3,1,3… from the left). */
export function isValidEan(input: string) {
  const ean = input.replace(/\s/g, '')
  if (!/^\d{13}$/.test(ean)) return false
  const digits = [...ean].map(Number)
  const sum = digits
    .slice(0, 12)
    .reduce((acc, digit, index) => acc + digit * (index % 2 === 0 ? 1 : 3), 0)
  return (10 - (sum % 10)) % 10 === digits[12]
}
