/**
 * A workbook cell as the text an import expects: what a person sees in the
 * cell, written the way Kreds reads values from CSV. Numbers keep every
 * digit (an EAN stored as a number is exact, never 5,79E+12), dates become
 * ISO dates, and nothing depends on the server's time zone.
 */
import { excelSerialToIsoDate } from '#shared/csv/danish_dates'
import type { SheetCell, SheetCellValue } from '#shared/spreadsheet/sheet_rows'

const DAY_MS = 24 * 60 * 60 * 1000
/** Days from Excel's day 0 to 1 January 1970, and from 1900's day 0 to 1904's. */
const UNIX_EPOCH_SERIAL = 25_569
const DATE1904_OFFSET = 1_462

/** Excel escapes characters XML cannot hold as `_x000D_`; `_x005F_` escapes the underscore. */
const XML_ESCAPED_CHARACTER = /_x([0-9a-fA-F]{4})_/g

const BOOLEAN_FORMULA = /^(TRUE|FALSE)\(\)$/i

type FormulaValue = { formula: string; result?: string | number }

export function cellText(cell: SheetCell, date1904: boolean): string {
  if (isFormula(cell.value)) return formulaText(cell.value, cell.numFmt, date1904).trim()
  return valueText(cell.value, cell.numFmt, date1904).trim()
}

/** A formula cell as exceljs types one: an object with a formula that is not empty. */
function isFormula(value: SheetCellValue): value is FormulaValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    'formula' in value &&
    !!value.formula
  )
}

/**
 * A formula reads as the result it was saved with, 0 included (Kreds
 * calculates nothing). LibreOffice saves TRUE and FALSE as the formulas
 * TRUE() and FALSE().
 */
function formulaText(cell: FormulaValue, numFmt: string | undefined, date1904: boolean): string {
  const constant = BOOLEAN_FORMULA.exec(cell.formula)
  if (constant) return constant[1].toUpperCase() === 'TRUE' ? 'Ja' : 'Nej'
  const result = cell.result as SheetCellValue
  if (typeof result === 'number' && Number.isNaN(result)) return ''
  return valueText(result, numFmt, date1904)
}

function valueText(value: SheetCellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return plainText(value)
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? serialText(value, numFmt, date1904) : numberText(value)
  }
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej'
  if (value instanceof Date) return serialText(dateToSerial(value, date1904), numFmt, date1904)
  if ('richText' in value) return plainText(value.richText.map((run) => run.text ?? '').join(''))
  if ('error' in value) return value.error
  // A cell of a shared formula (filled down) has an empty formula of its own.
  if ('formula' in value) {
    const result = value.result
    if (typeof result === 'number' && Number.isNaN(result)) return ''
    return valueText(result as SheetCellValue, numFmt, date1904)
  }
  if ('text' in value && typeof value.text === 'string') return plainText(value.text)
  return ''
}

function plainText(text: string): string {
  // Most cells hold neither an escape nor a carriage return: no need to scan them twice.
  if (!text.includes('_x') && !text.includes('\r')) return text
  return text
    .replace(XML_ESCAPED_CHARACTER, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16))
    )
    .replace(/\r\n?/g, '\n')
}

/**
 * All the digits of a whole number (doubles hold any 15-digit number exactly,
 * and Excel keeps no more), and other numbers to Excel's 15 significant
 * digits with a decimal comma and no thousands separator.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Number.isInteger(value)) return BigInt(value).toString()
  const rounded = Number(value.toPrecision(15))
  let text = String(rounded)
  if (text.includes('e')) text = rounded.toFixed(20).replace(/0+$/, '')
  return text.replace('.', ',')
}

/**
 * Excel stores a date as days since its epoch and a time as the fraction of
 * a day, with no time zone: the date and the time of day are read straight
 * off the number, never through the server's clock.
 */
function serialText(serial: number, numFmt: string | undefined, date1904: boolean): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 24 * 60 * 60)
  const time = clockTime(seconds)
  if (!hasDateTokens(numFmt)) return time
  const date = excelSerialToIsoDate(serial, date1904)
  if (!date) return numberText(serial)
  return seconds === 0 ? date : `${date} ${time}`
}

function clockTime(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  const hours = Math.floor(seconds / 3600) % 24
  const minutes = Math.floor(seconds / 60) % 60
  const rest = seconds % 60
  return rest === 0 ? `${pad(hours)}:${pad(minutes)}` : `${pad(hours)}:${pad(minutes)}:${pad(rest)}`
}

/** exceljs turned the serial into a Date at UTC; this turns it back without a zone. */
function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0)
}

/** The test exceljs uses: a format with y, m, d, h, s (outside quotes and brackets) shows a date or time. */
function isDateFormat(numFmt: string | undefined): boolean {
  return /[ymdhMsb]/.test(withoutLiterals(numFmt))
}

/** A time format (`hh:mm`) shows no day; anything with a day or a year is a date. */
function hasDateTokens(numFmt: string | undefined): boolean {
  if (!numFmt) return true
  return /[dy]/i.test(withoutLiterals(numFmt))
}

function withoutLiterals(numFmt: string | undefined): string {
  return (numFmt ?? '').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
}
