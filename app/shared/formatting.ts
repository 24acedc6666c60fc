import { DateTime } from 'luxon'
import { DANISH_ZONE } from '#shared/danish_time'

/**
 * Amounts are integer øre everywhere; these turn them and dates into what a
 * Danish reader expects: 1.250,00 kr. and 15. januar 2021.
 */
export type DisplayLocale = 'da' | 'en'

/**
 * The language a request's reader reads dates and amounts in: what goes into
 * a message (a flash, a label built in code) is formatted with this, never
 * with the Danish default, which is for documents and mail to members.
 */
export function displayLocale(i18n: { locale: string }): DisplayLocale {
  return i18n.locale === 'en' ? 'en' : 'da'
}

const kronerFormats = {
  da: new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
}

export function formatKroner(ore: number, locale: DisplayLocale = 'da') {
  if (!Number.isInteger(ore)) throw new TypeError(`Amounts are whole øre, got ${ore}`)
  const text = kronerFormats[locale].format(ore / 100)
  return locale === 'da' ? `${text} kr.` : `DKK ${text}`
}

type DateInput = DateTime | Date | string | null | undefined

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/

function toDateTime(value: DateInput) {
  if (!value) return null
  if (DateTime.isDateTime(value)) return value
  if (value instanceof Date) return DateTime.fromJSDate(value)
  // A bare date is a Danish calendar day, not midnight where the server is.
  if (CALENDAR_DAY.test(value)) return DateTime.fromISO(value, { zone: DANISH_ZONE })
  return DateTime.fromISO(value)
}

/**
 * A date column (joined on, due date) reads as midnight in the zone it was
 * read in; that midnight is the day itself, which moving it to Danish time
 * could push back a day on a server east of Denmark. Every other moment is
 * shown on the Danish clock.
 */
function danishMoment(value: DateInput) {
  const date = toDateTime(value)
  if (!date?.isValid) return null
  const isCalendarDay =
    date.hour === 0 && date.minute === 0 && date.second === 0 && date.millisecond === 0
  return isCalendarDay
    ? DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour: 12 },
        { zone: DANISH_ZONE }
      )
    : date.setZone(DANISH_ZONE)
}

function perLocale(options: Intl.DateTimeFormatOptions) {
  const inDanishTime = { ...options, timeZone: DANISH_ZONE }
  return {
    da: new Intl.DateTimeFormat('da-DK', inDanishTime),
    en: new Intl.DateTimeFormat('en-GB', inDanishTime),
  }
}

const dateFormats = perLocale({ day: 'numeric', month: 'long', year: 'numeric' })
const dateTimeFormats = perLocale({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const timeFormats = perLocale({ hour: '2-digit', minute: '2-digit' })

/** "15. januar 2021"; an empty string for no date. The day in Denmark. */
export function formatDate(value: DateInput, locale: DisplayLocale = 'da') {
  const date = danishMoment(value)
  return date ? dateFormats[locale].format(date.toJSDate()) : ''
}

/** "15. januar 2021 kl. 19.00" in Danish time (summer and winter), "15 January 2021 at 19:00" in English. */
export function formatDateTime(value: DateInput, locale: DisplayLocale = 'da') {
  const date = toDateTime(value)
  return date?.isValid ? dateTimeFormats[locale].format(date.toJSDate()) : ''
}

/** "19.00" in Danish, "19:00" in English: the Danish clock. */
export function formatTime(value: DateInput, locale: DisplayLocale = 'da') {
  const date = toDateTime(value)
  return date?.isValid ? timeFormats[locale].format(date.toJSDate()) : ''
}
