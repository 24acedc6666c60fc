import { headerKey } from '#shared/csv/danish_values'

/**
 * The register file: the member register as one sheet, a row per contact
 * person, each row carrying its organisation's details (an organisation
 * without contacts has one row with the contact columns empty). Export and
 * import share these columns, so an exported file edited in Excel or
 * LibreOffice imports back to exactly what it says.
 */

/** How a column's cells are written and read. */
export type ColumnKind = 'text' | 'identifier' | 'date' | 'flag'

type ColumnSpec = {
  /** The header Kreds writes; also the first name it reads. */
  header: string
  /** Other names the column goes by, Danish and English. */
  aliases: readonly string[]
  level: 'organisation' | 'contact'
  kind: ColumnKind
  /** Characters at most; the database's column width. */
  max?: number
}

export const REGISTER_COLUMNS = {
  name: {
    header: 'Navn',
    aliases: ['Organisation', 'Organisationsnavn', 'Name', 'Organisation name', 'Organization'],
    level: 'organisation',
    kind: 'text',
    max: 200,
  },
  type: {
    header: 'Type',
    aliases: ['Organisationstype', 'Organisation type'],
    level: 'organisation',
    kind: 'text',
  },
  legalForm: {
    header: 'Juridisk form',
    aliases: ['Virksomhedsform', 'Legal form'],
    level: 'organisation',
    kind: 'text',
    max: 80,
  },
  cvr: {
    header: 'CVR',
    aliases: ['CVR-nr', 'CVR nr', 'CVR-nummer', 'CVR number'],
    level: 'organisation',
    kind: 'identifier',
  },
  ean: {
    header: 'EAN',
    aliases: ['EAN-nr', 'EAN nr', 'EAN-nummer', 'GLN', 'EAN number'],
    level: 'organisation',
    kind: 'identifier',
  },
  address: {
    header: 'Adresse',
    aliases: ['Address', 'Street'],
    level: 'organisation',
    kind: 'text',
    max: 200,
  },
  postcode: {
    header: 'Postnr',
    aliases: ['Post nr', 'Postnummer', 'Postcode', 'Postal code', 'Zip', 'Zip code'],
    level: 'organisation',
    kind: 'identifier',
  },
  city: { header: 'By', aliases: ['City', 'Town'], level: 'organisation', kind: 'text', max: 80 },
  website: {
    header: 'Hjemmeside',
    aliases: ['Website', 'Web'],
    level: 'organisation',
    kind: 'text',
    max: 200,
  },
  invoiceReference: {
    header: 'Fakturareference',
    aliases: ['Ordrereference', 'Reference', 'Invoice reference', 'Order reference'],
    level: 'organisation',
    kind: 'text',
    max: 100,
  },
  tier: {
    header: 'Kontingentgruppe',
    aliases: ['Kontingent gruppe', 'Fee group', 'Tier', 'Membership fee group'],
    level: 'organisation',
    kind: 'text',
  },
  status: {
    header: 'Status',
    aliases: ['Medlemsstatus', 'Membership status'],
    level: 'organisation',
    kind: 'text',
  },
  joinedOn: {
    header: 'Indmeldt',
    aliases: ['Indmeldelsesdato', 'Medlem siden', 'Joined', 'Member since', 'Joined on'],
    level: 'organisation',
    kind: 'date',
  },
  leftOn: {
    header: 'Udmeldt',
    aliases: ['Udmeldelsesdato', 'Ophørt', 'Left', 'Left on', 'Resigned', 'Resigned on'],
    level: 'organisation',
    kind: 'date',
  },
  notes: {
    header: 'Noter',
    aliases: ['Note', 'Bemærkninger', 'Bemærkning', 'Notes', 'Comments'],
    level: 'organisation',
    kind: 'text',
    max: 10_000,
  },
  contactName: {
    header: 'Kontaktperson',
    aliases: ['Kontakt', 'Kontaktnavn', 'Contact', 'Contact person', 'Contact name'],
    level: 'contact',
    kind: 'text',
    max: 120,
  },
  contactTitle: {
    header: 'Stilling',
    aliases: ['Titel', 'Jobtitel', 'Title', 'Job title', 'Position'],
    level: 'contact',
    kind: 'text',
    max: 120,
  },
  email: {
    header: 'E-mail',
    aliases: ['Email', 'Mail', 'E-mailadresse', 'E-mail address'],
    level: 'contact',
    kind: 'text',
    max: 254,
  },
  phone: {
    header: 'Telefon',
    aliases: ['Tlf', 'Telefonnummer', 'Mobil', 'Phone', 'Telephone', 'Mobile'],
    level: 'contact',
    kind: 'identifier',
    max: 30,
  },
  isPrimary: {
    header: 'Primær kontakt',
    aliases: ['Primær', 'Hovedkontakt', 'Primary', 'Primary contact'],
    level: 'contact',
    kind: 'flag',
  },
  isBilling: {
    header: 'Faktura',
    aliases: ['Fakturamodtager', 'Modtager faktura', 'Billing', 'Billing contact'],
    level: 'contact',
    kind: 'flag',
  },
  isDelegate: {
    header: 'Delegeret',
    aliases: ['Delegerede', 'Generalforsamling', 'Delegate'],
    level: 'contact',
    kind: 'flag',
  },
  isNewsletter: {
    header: 'Nyhedsbrev',
    aliases: ['Nyhedsbrevsmodtager', 'Modtager nyhedsbrev', 'Newsletter', 'Newsletter recipient'],
    level: 'contact',
    kind: 'flag',
  },
} as const satisfies Record<string, ColumnSpec>

export type RegisterColumn = keyof typeof REGISTER_COLUMNS

/** The columns in the order the export writes them. */
export const COLUMN_ORDER = Object.keys(REGISTER_COLUMNS) as RegisterColumn[]

export const ORGANISATION_COLUMNS = COLUMN_ORDER.filter(
  (column) => REGISTER_COLUMNS[column].level === 'organisation'
)
export const CONTACT_COLUMNS = COLUMN_ORDER.filter(
  (column) => REGISTER_COLUMNS[column].level === 'contact'
)

const COLUMN_BY_HEADER = new Map<string, RegisterColumn>(
  COLUMN_ORDER.flatMap((column) =>
    [REGISTER_COLUMNS[column].header, ...REGISTER_COLUMNS[column].aliases].map(
      (name) => [headerKey(name), column] as const
    )
  )
)

/** The column a header names, matched regardless of case, spacing, punctuation and accents. */
export function columnForHeader(header: string): RegisterColumn | null {
  return COLUMN_BY_HEADER.get(headerKey(header)) ?? null
}

/**
 * Which of the file's headers feed which column: a saved mapping first (the
 * user's own choice for headers Kreds does not know), then the names Kreds
 * knows. Headers that match nothing are listed, and ignored.
 */
export function mapRegisterColumns(headers: string[], saved: Record<string, string> = {}) {
  const columns = new Map<RegisterColumn, string>()
  const unknown: string[] = []
  for (const header of headers) {
    const chosen = saved[headerKey(header)]
    const column =
      chosen === 'ignore'
        ? null
        : chosen && chosen in REGISTER_COLUMNS
          ? (chosen as RegisterColumn)
          : columnForHeader(header)
    if (column && !columns.has(column)) columns.set(column, header)
    else if (chosen !== 'ignore') unknown.push(header)
  }
  return { columns, unknown }
}
