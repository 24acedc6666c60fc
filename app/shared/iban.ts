/**
 * IBANs (ISO 13616), for the account a statement or an invoice names.
 * Danish ones only are built: DK, two check digits, the 4-digit
 * registration number and the account number padded to 10 digits.
 */

/** Null when the registration or account number cannot be a Danish one. */
export function danishIban(regNo: string, accountNo: string) {
  const reg = regNo.replace(/\D/g, '')
  const account = accountNo.replace(/\D/g, '')
  if (reg.length !== 4 || account.length === 0 || account.length > 10) return null
  const bban = `${reg}${account.padStart(10, '0')}`
  const check = 98 - ibanRemainder(`${bban}DK00`)
  return `DK${String(check).padStart(2, '0')}${bban}`
}

/**
 * The check digits make the whole number, letters read as 10–35 and the
 * first four characters moved to the end, leave 1 when divided by 97.
 */
export function isValidIban(iban: string) {
  if (!/^[A-Z]{2}\d{2}[A-Z\d]{1,30}$/.test(iban)) return false
  return ibanRemainder(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1
}

/** Mod 97 digit by digit, as the number is far beyond what a float holds exactly. */
function ibanRemainder(rearranged: string) {
  let remainder = 0
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36)
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97
  }
  return remainder
}
