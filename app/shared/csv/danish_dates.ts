import { danishToday } from '#shared/danish_time'

/**
 * Dates as Danish people type them and as Excel and LibreOffice save them:
 * day first with `-`, `.` or `/`, a two- or four-digit year, ISO dates, and
 * (where the column is known to hold dates) Excel's serial day numbers.
 */

/** The same separator twice, so 01-02.2021 is not taken for a date. */
const DAY_FIRST_DATE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const SERIAL = /^\d{1,7}$/

/** 9999-12-31, the last day Excel can show. */
export const LAST_EXCEL_SERIAL = 2_958_465

/**
 * Serial 60 is 29 February 1900, a day that never was: Lotus 1-2-3 took 1900
 * for a leap year and Excel kept the mistake, so every serial from 61 on
 * counts from 30 December 1899 and the ones before from 31 December.
 */
const PHANTOM_LEAP_DAY = 60
const DAY_MS = 24 * 60 * 60 * 1000
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

export type DanishDateOptions = {
  /** Read a bare whole number as an Excel serial day (only for a column that holds dates). */
  excelSerial?: boolean
  /** The year two-digit years are read around; this year unless a test says otherwise. */
  currentYear?: number
}

/**
 * `15-01-2021`, `15.1.2021`, `15/01/21`, `2021-01-15`, and with `excelSerial`
 * also `44211`: the ISO date, or null when it is not a real date.
 */
export function parseDanishDate(text: string, options: DanishDateOptions = {}): string | null {
  const trimmed = text.trim()
  const dayFirst = DAY_FIRST_DATE.exec(trimmed)
  if (dayFirst) {
    const year = fullYear(dayFirst[4], options.currentYear ?? danishToday().year)
    return isoDate(year, Number(dayFirst[3]), Number(dayFirst[1]))
  }
  const iso = ISO_DATE.exec(trimmed)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  if (options.excelSerial && SERIAL.test(trimmed)) return excelSerialToIsoDate(Number(trimmed))
  return null
}

/**
 * The calendar day of an Excel serial number (its time of day is dropped).
 * Serials below 1 or past 9999-12-31 are no date Excel shows, and 60 is the
 * phantom 29 February 1900.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  const day = Math.floor(serial)
  if (!Number.isFinite(serial) || day < (date1904 ? 0 : 1) || day > LAST_EXCEL_SERIAL) return null
  if (date1904) return isoFromUtc(EPOCH_1904 + day * DAY_MS)
  if (day === PHANTOM_LEAP_DAY) return null
  const shifted = day < PHANTOM_LEAP_DAY ? day + 1 : day
  return isoFromUtc(EPOCH_1900 + shifted * DAY_MS)
}

/** The ISO date of the day a UTC timestamp falls on. */
function isoFromUtc(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10)
}

/**
 * Excel reads 00–29 as 2000–2029 for ever, which already turns 30 into 1930.
 * Dates in a member register (joined, founded, paid) lie in the past or a few
 * years ahead, so a window that moves with the calendar fits them better:
 * up to ten years ahead is this century, anything later the last one.
 */
function fullYear(digits: string, currentYear: number): number {
  if (digits.length === 4) return Number(digits)
  const year = 2000 + Number(digits)
  return year <= currentYear + 10 ? year : year - 100
}

export function isoDate(year: number, month: number, day: number): string | null {
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
