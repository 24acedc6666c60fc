/**
 * The values banks write in a statement, read exactly: amounts to whole øre
 * from their digits (never through a float) and FI-kort payment IDs found in
 * the free text a payer typed.
 */
import { parseDanishAmountToOre } from '#shared/csv/danish_values'
import { isValidFikPaymentId } from '#dues/rules/fik_payment_id'

/** camt's xs:decimal: `1250.5`, `1250.50`, at most five decimals, no sign, no grouping. */
const PLAIN_DECIMAL = /^(\d+)(?:\.(\d{1,5}))?$/
/** Jyske Bank's English style: comma-grouped thousands, a dot before the decimals. */
const ENGLISH_AMOUNT = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/
/** The code line as printed on the card, also when a payer typed it with spaces. */
const FIK_CODE_LINE = /\+\s?71\s?<\s?(\d{15})\s?\+\s?\d{8}\s?</
/** Fifteen digits on their own, not part of a longer number (an account or a card). */
const LOOSE_PAYMENT_ID = /(?<!\d)(\d{15})(?!\d)/g

export function parseCamtAmountToOre(text: string): number | null {
  const match = PLAIN_DECIMAL.exec(text.trim())
  if (!match) return null
  return toOre(match[1], match[2] ?? '')
}

export function parseEnglishAmountToOre(text: string): number | null {
  const match = ENGLISH_AMOUNT.exec(text.trim().replaceAll(' ', ''))
  if (!match) return null
  const ore = toOre(match[2].replaceAll(',', ''), match[3] ?? '')
  if (ore === null) return null
  return match[1] === '-' && ore !== 0 ? -ore : ore
}

/** Danish `-1.234,56`, also with a leading plus or spaces left by a bank's export. */
export function parseBankDanishAmountToOre(text: string): number | null {
  const compact = text.trim().replaceAll(/\s/g, '').replace(/^\+/, '')
  return parseDanishAmountToOre(compact)
}

/** A fraction beyond øre is refused rather than rounded: money in a statement never has one. */
function toOre(integer: string, fraction: string): number | null {
  if (/[1-9]/.test(fraction.slice(2))) return null
  const ore = Number(integer) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'))
  return Number.isSafeInteger(ore) ? ore : null
}

/** The payment ID of a `+71<…+…<` code line in the text, when its check digit holds. */
export function fikIdFromCodeLine(text: string): string | undefined {
  const match = FIK_CODE_LINE.exec(text)
  return match && isValidFikPaymentId(match[1]) ? match[1] : undefined
}

/** Every 15-digit number in the text whose check digit holds, in order, without repeats. */
export function fikIdsInText(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(LOOSE_PAYMENT_ID)) {
    if (isValidFikPaymentId(match[1])) found.add(match[1])
  }
  return [...found]
}
