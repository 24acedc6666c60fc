/**
 * What a payer's words can tell about which invoice they pay: invoice
 * numbers written in the text, and whether the payer's name is a member's.
 */
import { matchKey } from '#members/register_file/match_keys'

/*
 * Payers write "Faktura 2026-0012", "fakt. 2026-12", "fakturanr 2026/0012"
 * or several numbers in one line. A number counts when it is a year from
 * 2000 on, a dash or slash and the sequence, standing on its own: not part
 * of a longer number, not a credit note (K2026-0001, which is never paid),
 * and not a date (2026-03-02 has a third part).
 */
const INVOICE_NUMBER_IN_TEXT = /(?<![\p{L}\p{N}\-/])(2\d{3})[-/](\d{1,10})(?![\p{N}]|[-/.]\d)/gu

/** The form every invoice number is compared in: year and sequence without padding. */
export function invoiceNumberKey(number: string): string | null {
  const match = /^(\d{4})-(\d+)$/.exec(number)
  return match ? `${match[1]}-${Number(match[2])}` : null
}

/** The invoice numbers in a text as comparison keys, in order, without repeats. */
export function invoiceNumberKeysInText(text: string): string[] {
  const keys = new Set<string>()
  for (const match of text.matchAll(INVOICE_NUMBER_IN_TEXT)) {
    keys.add(`${match[1]}-${Number(match[2])}`)
  }
  return [...keys]
}

export type NameSimilarity = 'same_name' | 'name_in_text'

/**
 * "Grønne Hjerter ApS" is the member "Grønne Hjerter": case, accents, the
 * old spellings of æøå and legal forms do not count. A payer's name the bank
 * left out can still stand in the text ("Indbetaling Grønne Hjerter ApS …"),
 * which counts when the member's whole name appears there word for word.
 */
export function nameSimilarity(
  memberName: string,
  payerName: string | undefined,
  text: string
): NameSimilarity | null {
  const member = matchKey(memberName)
  if (member === '') return null
  if (payerName && matchKey(payerName) === member) return 'same_name'
  const haystack = ` ${matchKey(payerName ? `${payerName} ${text}` : text)} `
  return haystack.includes(` ${member} `) ? 'name_in_text' : null
}
