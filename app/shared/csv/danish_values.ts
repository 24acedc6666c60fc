/**
 * Values as Danish Excel shows and saves them: day-first dates, decimal
 * comma with dot thousands, postcodes that lost their leading zero and long
 * numbers that became scientific notation.
 */

/** The same separator twice, so 01-02.2021 is not taken for a date. */
const DAY_FIRST_DATE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Either dot-grouped thousands (1.250,50) or none at all (1250,50). */
const DANISH_NUMBER = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/

/** Excel always writes the exponent's sign and at least two digits: E+12, E-05. */
const SCIENTIFIC_NOTATION = /^-?\d+(?:[.,]\d+)?e[+-]\d{2,}$/i

/**
 * Something, an @, and a domain with a dot inside it. Only the first dot of
 * the domain is matched apart: written as `[^\s@]+\.[^\s@]+`, every dot was
 * a place to try, and a cell holding a run of dots cost its square.
 */
const PLAIN_EMAIL = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/

/** `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy` (day and month may be one digit) or ISO. */
export function parseDanishDate(text: string): string | null {
  const trimmed = text.trim()
  const dayFirst = DAY_FIRST_DATE.exec(trimmed)
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]))
  const iso = ISO_DATE.exec(trimmed)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return null
}

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
 * differ: list both as aliases.
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

function danishNumberParts(text: string) {
  const match = DANISH_NUMBER.exec(text.trim())
  if (!match) return null
  return {
    negative: match[1] === '-',
    integer: match[2].replaceAll('.', ''),
    fraction: match[3] ?? '',
  }
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  const pad = (value: number, length: number) => String(value).padStart(length, '0')
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
