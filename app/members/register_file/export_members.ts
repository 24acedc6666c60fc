import type { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import type Organisation from '#members/models/organisation'
import type Contact from '#members/models/contact'
import { organisationsQuery, type OrganisationFilters } from '#members/queries/list_organisations'
import {
  COLUMN_ORDER,
  REGISTER_COLUMNS,
  type RegisterColumn,
} from '#members/register_file/register_columns'
import { writeFlag, writeStatus } from '#members/register_file/register_values'
import { exportFormatOf, writeSpreadsheet } from '#shared/spreadsheet/write_spreadsheet'
import type { SpreadsheetFormat } from '#shared/spreadsheet/spreadsheet_format'

export type RegisterFileFormat = SpreadsheetFormat

/** A date column's cell: an ISO date, so each format writes it its own way. */
type Cell = string | null

/** The format a file name asks for: .xlsx, else CSV. */
export function registerFileFormat(fileName: string): RegisterFileFormat {
  return exportFormatOf(fileName) ?? 'csv'
}

/**
 * The register (with the list's filters) as a file: CSV as Danish Excel
 * opens it, or an Excel workbook with identifiers as text and dates as
 * dates. Every field the import reads is written, so the file imports back
 * to the same register.
 */
export async function exportMembers(
  filters: OrganisationFilters,
  format: RegisterFileFormat = 'csv'
) {
  const organisations = await organisationsQuery(filters)
    .preload('tier')
    .preload('contacts', (contacts) =>
      contacts.whereNull('erased_at').orderBy('is_primary', 'desc').orderBy('id')
    )
  const rows = organisations.flatMap((organisation) =>
    (organisation.contacts.length ? organisation.contacts : [null]).map((contact) =>
      registerRow(organisation, contact)
    )
  )
  const file = await writeSpreadsheet(
    {
      sheetName: 'Medlemmer',
      columns: COLUMN_ORDER.map((column) => ({
        header: REGISTER_COLUMNS[column].header,
        kind: REGISTER_COLUMNS[column].kind === 'date' ? ('date' as const) : ('text' as const),
      })),
      rows,
    },
    format
  )
  return { file, count: organisations.length, rows: rows.length }
}

function registerRow(organisation: Organisation, contact: Contact | null): Cell[] {
  const danish = i18nManager.locale('da')
  const values: Record<RegisterColumn, Cell> = {
    name: organisation.name,
    type: danish.t(`members.types.${organisation.type}`),
    legalForm: organisation.legalForm,
    cvr: organisation.cvr,
    ean: organisation.ean,
    address: organisation.address,
    postcode: organisation.postcode,
    city: organisation.city,
    website: organisation.website,
    invoiceReference: organisation.invoiceReference,
    tier: organisation.tier?.name ?? null,
    status: writeStatus(organisation.status),
    joinedOn: isoDate(organisation.joinedOn),
    leftOn: isoDate(organisation.leftOn),
    notes: organisation.notes,
    contactName: contact?.name ?? null,
    contactTitle: contact?.title ?? null,
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    isPrimary: contact ? writeFlag(contact.isPrimary) : null,
    isBilling: contact ? writeFlag(contact.isBilling) : null,
    isDelegate: contact ? writeFlag(contact.isDelegate) : null,
    isNewsletter: contact ? writeFlag(contact.isNewsletter) : null,
  }
  return COLUMN_ORDER.map((column) => values[column])
}

function isoDate(date: DateTime | null) {
  return date?.toISODate() ?? null
}
