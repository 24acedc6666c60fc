import { DateTime } from 'luxon'
import type { DanishCsv } from '#shared/csv/read_danish_csv'
import { isPlainEmail, normaliseHeader, parseDanishDate } from '#shared/csv/danish_values'
import { MAX_LISTED_PROBLEMS, moreProblems, type CsvProblem } from '#shared/csv/describe_problem'
import { isIP } from 'node:net'
import { DANISH_ZONE } from '#shared/danish_time'

/** Plain lists in Danish or English, and Mailchimp's audience export. */
const COLUMNS = {
  email: ['E-mail', 'Email', 'Email Address', 'E-mailadresse', 'Mail'],
  firstName: ['Fornavn', 'First Name', 'Navn', 'Name'],
  lastName: ['Efternavn', 'Last Name'],
  optinTime: ['OPTIN_TIME', 'Tilmeldt', 'Tilmeldingsdato', 'Subscribed', 'Opt-in time'],
  optinIp: ['OPTIN_IP', 'Tilmeldings-IP', 'IP'],
  confirmTime: ['CONFIRM_TIME', 'Bekræftet', 'Confirmed'],
} as const

type Column = keyof typeof COLUMNS

const BY_HEADER = new Map<string, Column>(
  (Object.entries(COLUMNS) as [Column, readonly string[]][]).flatMap(([column, headers]) =>
    headers.map((header) => [normaliseHeader(header), column] as const)
  )
)

/** The subscriber's name as the database keeps it (first and last name together). */
const MAX_NAME_LENGTH = 120

export type SubscriberRow = {
  line: number
  email: string
  name: string | null
  requestedAt: DateTime
  requestIp: string | null
  confirmedAt: DateTime | null
  evidence: string
}

/** The longest address mail servers take (RFC 5321), and so the subscribers' column. */
const MAX_EMAIL_LENGTH = 254
/** Longer than any way of writing a time: no date parser needs to see more. */
const MAX_TIME_LENGTH = 64

/**
 * Mailchimp writes `2021-01-15 10:32:11` in UTC; Danish Excel `15-01-2021`
 * or `15-01-2021 10:32`, meant as Danish time.
 */
export function parseImportTime(text: string): DateTime | null {
  const trimmed = text.trim()
  if (trimmed.length > MAX_TIME_LENGTH) return null
  const iso = DateTime.fromSQL(trimmed, { zone: 'utc' })
  if (iso.isValid) return iso
  const isoT = DateTime.fromISO(trimmed, { zone: 'utc' })
  if (isoT.isValid) return isoT
  const danish = trimmed.match(/^(\S+)(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/)
  const date = danish ? parseDanishDate(danish[1]) : null
  if (!danish || !date) return null
  const [hour, minute, second] = [danish[2], danish[3], danish[4]].map((part) => Number(part ?? 0))
  if (hour > 23 || minute > 59 || second > 59) return null
  return DateTime.fromISO(date, { zone: DANISH_ZONE }).set({ hour, minute, second }).toUTC()
}

/**
 * Reads subscribers and the evidence of their consent. A row without an
 * opt-in time has no evidence and is refused; the caller imports nothing then.
 */
export function parseSubscriberRows(csv: DanishCsv, fileName: string) {
  const columns = new Map<Column, string>()
  const unknown: string[] = []
  for (const header of csv.headers) {
    const column = BY_HEADER.get(normaliseHeader(header))
    if (column && !columns.has(column)) columns.set(column, header)
    else unknown.push(header)
  }
  const problems: CsvProblem[] = []
  for (const required of ['email', 'optinTime'] as const) {
    if (!columns.has(required))
      problems.push({ line: 1, column: COLUMNS[required][0], code: 'missing_column' })
  }
  if (problems.length) return { rows: [], problems, unknownColumns: unknown }

  const rows: SubscriberRow[] = []
  const seen = new Map<string, number>()
  for (const { line, values } of csv.rows) {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      problems.push(moreProblems(line))
      break
    }
    const cell = (column: Column) =>
      columns.has(column) ? (values[columns.get(column)!] ?? '').trim() : ''
    const report = (column: Column, code: string, params?: CsvProblem['params']) =>
      problems.push({ line, column: columns.get(column) ?? COLUMNS[column][0], code, params })

    const email = cell('email').toLowerCase()
    if (!email) report('email', 'required')
    else if (email.length > MAX_EMAIL_LENGTH) report('email', 'too_long', { max: MAX_EMAIL_LENGTH })
    else if (!isPlainEmail(email)) report('email', 'email_invalid', { value: email })
    else if (seen.has(email)) report('email', 'duplicate_in_file', { row: seen.get(email)! })
    else seen.set(email, line)

    const optin = cell('optinTime')
    const requestedAt = optin ? parseImportTime(optin) : null
    if (!optin) report('optinTime', 'no_consent_evidence')
    else if (!requestedAt) report('optinTime', 'date_invalid', { value: optin })

    const confirm = cell('confirmTime')
    const confirmedAt = confirm ? parseImportTime(confirm) : null
    if (confirm && !confirmedAt) report('confirmTime', 'date_invalid', { value: confirm })

    const name = [cell('firstName'), cell('lastName')].filter(Boolean).join(' ') || null
    if (name && name.length > MAX_NAME_LENGTH)
      report('firstName', 'too_long', { max: MAX_NAME_LENGTH })
    const ip = cell('optinIp')
    if (ip && !isIP(ip)) report('optinIp', 'ip_invalid', { value: ip.slice(0, 60) })

    if (!email || !requestedAt) continue
    const proof = [
      columns.get('optinTime'),
      columns.has('optinIp') ? columns.get('optinIp') : null,
      confirm ? columns.get('confirmTime') : null,
    ]
      .filter(Boolean)
      .join(', ')
    rows.push({
      line,
      email,
      name,
      requestedAt,
      requestIp: ip || null,
      confirmedAt,
      evidence: `${fileName}, row ${line} (${proof})`,
    })
  }
  return { rows: problems.length ? [] : rows, problems, unknownColumns: unknown }
}
