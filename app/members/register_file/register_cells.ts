import {
  isExcelScientific,
  isPlainEmail,
  normaliseHeader,
  parseDanishDate,
  removeFormulaGuard,
  restorePostcode,
} from '#shared/csv/danish_values'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'
import {
  TYPES_REQUIRING_EAN,
  type MembershipStatus,
  type OrganisationType,
} from '#members/membership'
import { readOrganisationType } from '#members/register_file/organisation_types'
import { REGISTER_COLUMNS, type RegisterColumn } from '#members/register_file/register_columns'
import { readFlag, readStatus, statusNames } from '#members/register_file/register_values'
import type { ImportProblem } from '#members/register_file/import_problems'

/** An organisation as one row of the file gives it; dates as ISO. */
export type FileOrganisationFields = {
  name: string
  type: OrganisationType
  legalForm: string | null
  cvr: string | null
  ean: string | null
  address: string | null
  postcode: string | null
  city: string | null
  website: string | null
  invoiceReference: string | null
  tierId: number | null
  status: MembershipStatus
  joinedOn: string | null
  leftOn: string | null
  notes: string | null
}
export type OrganisationField = keyof FileOrganisationFields

export const CONTACT_FLAGS = ['isPrimary', 'isBilling', 'isDelegate', 'isNewsletter'] as const
export type ContactFlag = (typeof CONTACT_FLAGS)[number]

export type FileContact = {
  line: number
  name: string
  title: string | null
  email: string | null
  phone: string | null
  /** Only the roles the file has columns for. */
  flags: Partial<Record<ContactFlag, boolean>>
}

/** The column that fills each organisation field. */
export const COLUMN_OF: Record<OrganisationField, RegisterColumn> = {
  name: 'name',
  type: 'type',
  legalForm: 'legalForm',
  cvr: 'cvr',
  ean: 'ean',
  address: 'address',
  postcode: 'postcode',
  city: 'city',
  website: 'website',
  invoiceReference: 'invoiceReference',
  tierId: 'tier',
  status: 'status',
  joinedOn: 'joinedOn',
  leftOn: 'leftOn',
  notes: 'notes',
}

const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(?::\d{2})?$/

/** One row's cells, read by column, and its problems reported by row and header. */
export class RowCells {
  private reportedColumns = new Set<RegisterColumn>()

  constructor(
    readonly line: number,
    private values: Record<string, string>,
    private columns: Map<RegisterColumn, string>,
    private problems: ImportProblem[]
  ) {}

  has(column: RegisterColumn) {
    return this.columns.has(column)
  }

  text(column: RegisterColumn) {
    const source = this.columns.get(column)
    const text = source ? removeFormulaGuard((this.values[source] ?? '').trim()) : ''
    const spec = REGISTER_COLUMNS[column]
    if ('max' in spec && text.length > spec.max) this.report(column, 'too_long', { max: spec.max })
    return text
  }

  report(column: RegisterColumn, code: ImportProblem['code'], params?: ImportProblem['params']) {
    this.reportedColumns.add(column)
    const header = this.columns.get(column) ?? REGISTER_COLUMNS[column].header
    this.problems.push({ line: this.line, column: header, code, params })
  }

  reported(column: RegisterColumn) {
    return this.reportedColumns.has(column)
  }
}

/** The organisation cells of a row, only for the columns the file has. */
export function readOrganisationCells(
  cells: RowCells,
  tiers: Map<string, number>,
  tierNames: string
) {
  const read: Partial<FileOrganisationFields> = {}
  const set = <K extends OrganisationField>(field: K, value: FileOrganisationFields[K]) => {
    if (cells.has(COLUMN_OF[field])) read[field] = value
  }
  const typeReading = readOrganisationType(cells.text('type'))
  set('type', typeReading.type)
  // A legal form comes from its own column, or from a Type cell that was one (A/S, Forening).
  const legalForm = cells.text('legalForm') || typeReading.legalForm
  if (cells.has('legalForm') || typeReading.legalForm) read.legalForm = legalForm || null
  set(
    'cvr',
    identifier(cells, 'cvr', (text) => (isValidCvr(text) ? normaliseCvr(text) : null))
  )
  const ean = identifier(cells, 'ean', (text) => {
    const digits = text.replace(/\s/g, '')
    return isValidEan(digits) ? digits : null
  })
  set('ean', ean)
  if (
    !ean &&
    !cells.reported('ean') &&
    cells.has('type') &&
    TYPES_REQUIRING_EAN.includes(typeReading.type)
  ) {
    cells.report('ean', 'ean_required')
  }
  for (const field of ['address', 'city', 'website', 'invoiceReference', 'notes'] as const) {
    set(field, cells.text(field) || null)
  }
  const postcodeText = cells.text('postcode')
  const postcode = postcodeText ? restorePostcode(postcodeText) : null
  if (postcodeText && !postcode)
    cells.report('postcode', 'postcode_invalid', { value: postcodeText })
  set('postcode', postcode)

  const tierText = cells.text('tier')
  const tierId = tierText ? (tiers.get(normaliseHeader(tierText)) ?? null) : null
  if (tierText && tierId === null)
    cells.report('tier', 'tier_unknown', { value: tierText, known: tierNames })
  set('tierId', tierId)

  const statusText = cells.text('status')
  const status = statusText ? readStatus(statusText) : 'active'
  if (!status) cells.report('status', 'status_invalid', { value: statusText, known: statusNames() })
  set('status', status ?? 'active')
  set('joinedOn', date(cells, 'joinedOn'))
  set('leftOn', date(cells, 'leftOn'))
  return read
}

/** The contact person of a row, or null when its contact cells are empty. */
export function readContactCells(cells: RowCells): FileContact | null {
  const name = cells.text('contactName')
  const email = cells.text('email').toLowerCase()
  const phone = cells.text('phone')
  const title = cells.text('contactTitle')
  // A shared office address, or only a phone number: a contact whose name the list does not give.
  if (!name && !email && !phone && !title) return null
  if (email && !isPlainEmail(email)) cells.report('email', 'email_invalid', { value: email })
  if (phone && isExcelScientific(phone)) cells.report('phone', 'excel_scientific', { value: phone })
  const flags: FileContact['flags'] = {}
  for (const flag of CONTACT_FLAGS) {
    if (!cells.has(flag)) continue
    const text = cells.text(flag)
    const value = readFlag(text)
    if (value === null) cells.report(flag, 'flag_invalid', { value: text })
    flags[flag] = value ?? false
  }
  return {
    line: cells.line,
    name,
    title: title || null,
    email: email || null,
    phone: phone || null,
    flags,
  }
}

function identifier(
  cells: RowCells,
  column: 'cvr' | 'ean',
  valid: (text: string) => string | null
) {
  const text = cells.text(column)
  if (!text) return null
  // Excel shows long numbers as 5,79001E+12 and saves them so: the digits are lost.
  if (isExcelScientific(text)) {
    cells.report(column, 'excel_scientific', { value: text })
    return null
  }
  const value = valid(text)
  if (!value)
    cells.report(column, column === 'cvr' ? 'cvr_invalid' : 'ean_invalid', { value: text })
  return value
}

function date(cells: RowCells, column: 'joinedOn' | 'leftOn') {
  const text = cells.text(column)
  if (!text) return null
  // A date cell comes from a workbook as ISO; a CSV may hold Excel's day number.
  // A date-and-time cell (Excel's format 22) is taken for its day.
  const day = DATE_AND_TIME.exec(text)?.[1] ?? text
  const iso = parseDanishDate(day, { excelSerial: true })
  if (!iso) cells.report(column, 'date_invalid', { value: text })
  return iso
}
