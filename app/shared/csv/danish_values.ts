/**
 * Values as Danish Excel shows and saves them: day-first dates, decimal
 * comma with dot thousands, postcodes that lost their leading zero and long
 * numbers that became scientific notation.
 */
export { parseDanishDate } from '#shared/csv/danish_dates'

/** Either dot-grouped thousands (1.250,50) or none at all (1250,50). */
const DANISH_NUMBER = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/

/**
 * Excel writes the exponent with its sign and at least two digits (E+12,
 * E-05), LibreOffice with three (E+012); the mantissa has a comma in Danish
 * and a dot in English.
 */
const SCIENTIFIC_NOTATION = /^-?\d+(?:[.,]\d+)?e[+-]\d{2,}$/i

/** The apostrophe Kreds writes before text a spreadsheet would run as a formula. */
const KREDS_FORMULA_GUARD = /^'(?=[=+\-@\t\r])/

/**
 * Something, an @, and a domain with a dot inside it. Only the first dot of
 * the domain is matched apart: written as `[^\s@]+\.[^\s@]+`, every dot was
 * a place to try, and a cell holding a run of dots cost its square.
 */
const PLAIN_EMAIL = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/

/**
 * A dot is only accepted as a thousands separator, so 12.5 (which Danish
 * Excel would never write for twelve and a half) is refused, not misread.
 */
export function parseDanishDecimal(text: string): number | null {
  const parts = danishNumberParts(text)
  if (!parts) return null
  const value = Number(`${parts.integer}.${parts.fraction || '0'}`)
  return parts.negative && value !== 0 ? -value : value
}

/** Whole øre, rounded half away from zero on the digits, so no float error. */
export function parseDanishAmountToOre(text: string): number | null {
  const parts = danishNumberParts(text)
  if (!parts) return null
  const fraction = parts.fraction.padEnd(3, '0')
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0
  const ore = Number(parts.integer) * 100 + Number(fraction.slice(0, 2)) + roundUp
  if (!Number.isSafeInteger(ore)) return null
  return parts.negative && ore !== 0 ? -ore : ore
}

/**
 * Excel shows numbers of 12 digits or more (EAN, account numbers) as
 * 5,79001E+12 and saves them that way; the lost digits cannot be guessed.
 */
export function isExcelScientific(text: string): boolean {
  return SCIENTIFIC_NOTATION.test(text.trim())
}

/** Looks like an e-mail address: what an import can check without asking the mail server. */
export function isPlainEmail(text: string): boolean {
  return PLAIN_EMAIL.test(text)
}

/** Excel reads 0800 as the number 800; Danish postcodes are always four digits. */
export function restorePostcode(text: string): string | null {
  const trimmed = text.trim()
  return /^\d{3,4}$/.test(trimmed) ? trimmed.padStart(4, '0') : null
}

/**
 * Lower-case, accents folded and every run of spaces or punctuation made one
 * space, so "E-mail " and "e mail" match. "Postnr" and "Post nr." still
 * differ here (spaces can matter in a value such as a tier's name): headers
 * are matched by `headerKey`, which drops the spaces too.
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replaceAll(/\p{M}/gu, '')
    .replaceAll(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * What a header is matched by: case, accents, spaces and punctuation all
 * ignored, so `Postnr.`, `Post-nr` and `post nr` are one column, and so are
 * `E-mail` and `Email`.
 */
export function headerKey(text: string): string {
  return normaliseHeader(text).replaceAll(' ', '')
}

/**
 * Takes off the apostrophe Kreds puts before `=`, `+`, `-`, `@`, a tab or a
 * carriage return when it writes CSV, so `'+45 20 55 66 77` reads back as it
 * was. Any other leading apostrophe was typed by someone and stays.
 */
export function removeFormulaGuard(text: string): string {
  return text.replace(KREDS_FORMULA_GUARD, '')
}

function danishNumberParts(text: string) {
  const match = DANISH_NUMBER.exec(text.trim())
  if (!match) return null
  return {
    negative: match[1] === '-',
    integer: match[2].replaceAll('.', ''),
    fraction: match[3] ?? '',
  }
}
