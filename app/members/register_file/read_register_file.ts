import { normaliseHeader } from '#shared/csv/danish_values'
import { MAX_LISTED_PROBLEMS, moreProblems } from '#shared/csv/describe_problem'
import { nameKey } from '#members/membership'
import { readOrganisationType } from '#members/register_file/organisation_types'
import {
  CONTACT_COLUMNS,
  ORGANISATION_COLUMNS,
  REGISTER_COLUMNS,
  mapRegisterColumns,
} from '#members/register_file/register_columns'
import {
  COLUMN_OF,
  RowCells,
  readContactCells,
  readOrganisationCells,
  type FileContact,
  type FileOrganisationFields,
  type OrganisationField,
} from '#members/register_file/register_cells'
import type { ImportProblem } from '#members/register_file/import_problems'

export type FileOrganisation = {
  /** The rows it takes, as Excel numbers them. */
  lines: number[]
  /** Only the fields the file has columns for: the rest are left as they are. */
  fields: Partial<FileOrganisationFields> & { name: string }
  contacts: FileContact[]
  /** The Type text when it named no known type: imported as `andet`. */
  unrecognisedType: string | null
}

type Row = { line: number; values: Record<string, string> }

/**
 * Turns the rows of a register file into organisations with their contact
 * persons, or lists every problem by row and column. Rows of one
 * organisation share its name (a row with no name, only a contact,
 * continues the organisation above it), and their organisation cells must
 * agree or be empty. Nothing here reads the database: matching is the
 * planner's job.
 */
export function readRegisterFile(
  table: { headers: string[]; rows: Row[] },
  context: { tiers: { id: number; name: string }[]; savedMapping?: Record<string, string> }
) {
  const { columns, unknown } = mapRegisterColumns(table.headers, context.savedMapping)
  const problems: ImportProblem[] = []
  const organisations: FileOrganisation[] = []
  const done = (list: FileOrganisation[]) => ({
    organisations: list,
    problems,
    columns,
    unknownColumns: unknown,
  })
  if (!columns.has('name')) {
    problems.push({ line: 1, column: REGISTER_COLUMNS.name.header, code: 'missing_column' })
    return done([])
  }
  const tiers = new Map(context.tiers.map((tier) => [normaliseHeader(tier.name), tier.id]))
  const tierNames = context.tiers.map((tier) => tier.name).join(', ')
  const byName = new Map<string, FileOrganisation>()
  const firstRowOf = { cvr: new Map<string, number>(), ean: new Map<string, number>() }
  let previous: FileOrganisation | null = null

  for (const row of table.rows) {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      problems.push(moreProblems(row.line))
      break
    }
    const cells = new RowCells(row.line, row.values, columns, problems)
    const name = cells.text('name')
    if (!name) {
      const onlyContact =
        CONTACT_COLUMNS.some((column) => cells.text(column) !== '') &&
        !ORGANISATION_COLUMNS.some((column) => cells.text(column) !== '')
      if (onlyContact && previous) {
        addContact(previous, cells)
      } else {
        cells.report('name', 'required')
        // The rest of the row is checked too, so one reading of the file finds every problem.
        readOrganisationCells(cells, tiers, tierNames)
        readContactCells(cells)
      }
      continue
    }
    const fields = readOrganisationCells(cells, tiers, tierNames)
    const key = nameKey(name)
    let organisation = byName.get(key)
    if (organisation) {
      organisation.lines.push(row.line)
      mergeRow(organisation, fields, cells)
    } else {
      const typeText = cells.text('type')
      organisation = {
        lines: [row.line],
        fields: { ...fields, name },
        contacts: [],
        unrecognisedType: typeText && !readOrganisationType(typeText).recognised ? typeText : null,
      }
      byName.set(key, organisation)
      organisations.push(organisation)
      for (const column of ['cvr', 'ean'] as const) {
        const value = fields[column]
        if (!value) continue
        const earlier = firstRowOf[column].get(value)
        if (earlier !== undefined) cells.report(column, 'duplicate_in_file', { row: earlier })
        else firstRowOf[column].set(value, row.line)
      }
    }
    addContact(organisation, cells)
    previous = organisation
  }
  return done(problems.length ? [] : organisations)
}

/** A further row of the same organisation: its cells fill gaps, and may not contradict. */
function mergeRow(
  organisation: FileOrganisation,
  fields: Partial<FileOrganisationFields>,
  cells: RowCells
) {
  for (const [field, value] of Object.entries(fields) as [OrganisationField, unknown][]) {
    const earlier = organisation.fields[field]
    const empty = (candidate: unknown) =>
      candidate === undefined || candidate === null || candidate === ''
    if (empty(earlier)) Object.assign(organisation.fields, { [field]: value })
    else if (!empty(value) && value !== earlier && cells.text(COLUMN_OF[field]) !== '') {
      cells.report(COLUMN_OF[field], 'conflicting_value', { row: organisation.lines[0] })
    }
  }
}

/** Each organisation's contact addresses so far: a set, as one organisation may have thousands. */
const addressesOf = new WeakMap<FileOrganisation, Set<string>>()

function addContact(organisation: FileOrganisation, cells: RowCells) {
  const contact = readContactCells(cells)
  if (!contact) return
  const addresses = addressesOf.get(organisation) ?? new Set<string>()
  addressesOf.set(organisation, addresses)
  if (contact.email && addresses.has(contact.email)) {
    cells.report('email', 'duplicate_contact', { row: organisation.lines[0] })
    return
  }
  if (contact.email) addresses.add(contact.email)
  organisation.contacts.push(contact)
}
