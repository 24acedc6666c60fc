import { DateTime } from 'luxon'

/**
 * Amounts are integer øre everywhere; these turn them and dates into what a
 * Danish reader expects: 1.250,00 kr. and 15. januar 2021.
 */
export type DisplayLocale = 'da' | 'en'

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

function toDateTime(value: DateInput) {
  if (!value) return null
  if (DateTime.isDateTime(value)) return value
  if (value instanceof Date) return DateTime.fromJSDate(value)
  return DateTime.fromISO(value)
}

function perLocale(options: Intl.DateTimeFormatOptions) {
  const inDanishTime = { ...options, timeZone: 'Europe/Copenhagen' }
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

/** "15. januar 2021"; an empty string for no date. Shown in Danish time. */
export function formatDate(value: DateInput, locale: DisplayLocale = 'da') {
  const date = toDateTime(value)
  return date?.isValid ? dateFormats[locale].format(date.toJSDate()) : ''
}

/** "15. januar 2021 kl. 14.05" in Danish. */
export function formatDateTime(value: DateInput, locale: DisplayLocale = 'da') {
  const date = toDateTime(value)
  return date?.isValid ? dateTimeFormats[locale].format(date.toJSDate()) : ''
}
