import { DateTime } from 'luxon'
import type { DanishCsv } from '#shared/csv/read_danish_csv'
import {
  isExcelScientific,
  isPlainEmail,
  parseDanishDate,
  restorePostcode,
} from '#shared/csv/danish_values'
import { MAX_LISTED_PROBLEMS, moreProblems } from '#shared/csv/describe_problem'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'
import { nameKey, TYPES_REQUIRING_EAN } from '#members/membership'
import type { NewContactFields, OrganisationFields } from '#members/organisation_fields'
import {
  MEMBER_COLUMNS,
  mapMemberColumns,
  readOrganisationType,
  type MemberColumn,
} from '#members/import/member_columns'

/** One thing wrong with one cell, named as the user sees it in Excel. */
export type ImportProblem = {
  line: number
  column: string
  code:
    | 'required'
    | 'too_long'
    | 'cvr_invalid'
    | 'ean_invalid'
    | 'ean_required'
    | 'excel_scientific'
    | 'postcode_invalid'
    | 'date_invalid'
    | 'email_invalid'
    | 'duplicate_in_file'
    | 'missing_column'
    | 'name_taken'
    | 'unreadable'
    | 'too_many_rows'
    | 'too_many_columns'
    | 'too_many_cells'
    | 'row_too_long'
    | 'value_too_long'
    | 'too_many_problems'
  params?: Record<string, string | number>
}

export type ParsedMemberRow = {
  line: number
  fields: OrganisationFields
  joinedOn: DateTime | null
  contact: NewContactFields
  /** The Type text when it named no known type: imported as `andet`. */
  unrecognisedType: string | null
}

const MAX_LENGTHS: Partial<Record<MemberColumn, number>> = {
  name: 200,
  legalForm: 80,
  address: 200,
  city: 80,
  website: 200,
  contactName: 120,
  email: 254,
  phone: 30,
}

/**
 * Turns a Danish Excel file into organisation rows, or lists every problem.
 * Nothing here touches the database: matching against the register is the
 * import action's job.
 */
export function parseMemberRows(csv: DanishCsv) {
  const { columns, unknown } = mapMemberColumns(csv.headers)
  const problems: ImportProblem[] = []
  const rows: ParsedMemberRow[] = []

  for (const required of ['name', 'contactName', 'email'] as const) {
    if (!columns.has(required)) {
      problems.push({ line: 1, column: MEMBER_COLUMNS[required][0], code: 'missing_column' })
    }
  }
  if (problems.length) return { rows, problems, unknownColumns: unknown }

  const seenCvr = new Map<string, number>()
  const seenName = new Map<string, number>()

  for (const { line, values } of csv.rows) {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      problems.push(moreProblems(line))
      break
    }
    const header = (column: MemberColumn) => columns.get(column) ?? column
    // Asked per row; searching all problems so far made a file of bad rows quadratic.
    let eanReported = false
    const cell = (column: MemberColumn) => {
      const source = columns.get(column)
      const text = source ? (values[source] ?? '').trim() : ''
      const max = MAX_LENGTHS[column]
      if (max && text.length > max) report(column, 'too_long', { max })
      return text
    }
    const report = (
      column: MemberColumn,
      code: ImportProblem['code'],
      params?: ImportProblem['params']
    ) => {
      if (column === 'ean') eanReported = true
      problems.push({ line, column: header(column), code, params })
    }

    const name = cell('name')
    if (!name) report('name', 'required')

    const typeText = cell('type')
    const typeReading = readOrganisationType(typeText)
    const legalForm = cell('legalForm') || typeReading.legalForm

    const cvr = readIdentifier(cell('cvr'), 'cvr', (text) =>
      isValidCvr(text) ? normaliseCvr(text) : null
    )
    const ean = readIdentifier(cell('ean'), 'ean', (text) => {
      const digits = text.replace(/\s/g, '')
      return isValidEan(digits) ? digits : null
    })
    if (!ean && !eanReported) {
      if (TYPES_REQUIRING_EAN.includes(typeReading.type)) report('ean', 'ean_required')
    }

    const postcodeText = cell('postcode')
    const postcode = postcodeText ? restorePostcode(postcodeText) : null
    if (postcodeText && !postcode) report('postcode', 'postcode_invalid', { value: postcodeText })

    const joinedText = cell('joinedOn')
    const joinedIso = joinedText ? parseDanishDate(joinedText) : null
    if (joinedText && !joinedIso) report('joinedOn', 'date_invalid', { value: joinedText })

    const contactName = cell('contactName')
    if (!contactName) report('contactName', 'required')
    const email = cell('email').toLowerCase()
    if (!email) report('email', 'required')
    else if (!isPlainEmail(email)) report('email', 'email_invalid', { value: email })
    const phone = cell('phone')
    if (phone && isExcelScientific(phone)) report('phone', 'excel_scientific', { value: phone })

    if (name) remember(seenName, nameKey(name), 'name')
    if (cvr) remember(seenCvr, cvr, 'cvr')

    rows.push({
      line,
      fields: {
        name,
        type: typeReading.type,
        legalForm: legalForm || null,
        cvr,
        ean,
        address: cell('address') || null,
        postcode,
        city: cell('city') || null,
        website: cell('website') || null,
        tierId: null,
        notes: null,
      },
      joinedOn: joinedIso ? DateTime.fromISO(joinedIso) : null,
      contact: { name: contactName, email: email || null, phone: phone || null },
      unrecognisedType: typeReading.recognised ? null : typeText,
    })

    function readIdentifier(
      text: string,
      column: 'cvr' | 'ean',
      valid: (value: string) => string | null
    ) {
      if (!text) return null
      // Excel shows long numbers as 5,79001E+12 and loses the digits: say so rather than guess.
      if (isExcelScientific(text)) {
        report(column, 'excel_scientific', { value: text })
        return null
      }
      const value = valid(text)
      if (!value) report(column, column === 'cvr' ? 'cvr_invalid' : 'ean_invalid', { value: text })
      return value
    }

    function remember(seen: Map<string, number>, key: string, column: 'name' | 'cvr') {
      const earlier = seen.get(key)
      if (earlier !== undefined) report(column, 'duplicate_in_file', { row: earlier })
      else seen.set(key, line)
    }
  }

  return { rows: problems.length ? [] : rows, problems, unknownColumns: unknown }
}
