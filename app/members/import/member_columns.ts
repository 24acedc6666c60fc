import { normaliseHeader } from '#shared/csv/danish_values'
import type { OrganisationType } from '#members/membership'

/** The fields an import file can fill, and the headers (Danish and English) that name them. */
export const MEMBER_COLUMNS = {
  name: ['Navn', 'Organisation', 'Organisationsnavn', 'Name', 'Organisation name', 'Organization'],
  type: ['Type', 'Organisationstype', 'Organisation type'],
  legalForm: ['Juridisk form', 'Virksomhedsform', 'Legal form'],
  cvr: ['CVR', 'CVR-nr', 'CVR-nummer', 'CVR number'],
  ean: ['EAN', 'EAN-nr', 'EAN-nummer', 'GLN', 'EAN number'],
  address: ['Adresse', 'Address', 'Street'],
  postcode: ['Postnr', 'Post nr', 'Postnummer', 'Postcode', 'Postal code', 'Zip', 'Zip code'],
  city: ['By', 'City', 'Town'],
  website: ['Hjemmeside', 'Website', 'Web'],
  contactName: ['Kontaktperson', 'Kontakt', 'Contact', 'Contact person', 'Contact name'],
  email: ['E-mail', 'Email', 'Mail', 'E-mailadresse'],
  phone: ['Telefon', 'Tlf', 'Telefonnummer', 'Phone', 'Telephone'],
  joinedOn: ['Indmeldt', 'Indmeldelsesdato', 'Medlem siden', 'Joined', 'Member since', 'Joined on'],
} as const

export type MemberColumn = keyof typeof MEMBER_COLUMNS

const COLUMN_BY_HEADER = new Map<string, MemberColumn>(
  (Object.entries(MEMBER_COLUMNS) as [MemberColumn, readonly string[]][]).flatMap(
    ([column, headers]) => headers.map((header) => [normaliseHeader(header), column] as const)
  )
)

/** Which of the file's headers feed which field; the rest are named and ignored. */
export function mapMemberColumns(headers: string[]) {
  const columns = new Map<MemberColumn, string>()
  const unknown: string[] = []
  for (const header of headers) {
    const column = COLUMN_BY_HEADER.get(normaliseHeader(header))
    if (column && !columns.has(column)) columns.set(column, header)
    else unknown.push(header)
  }
  return { columns, unknown }
}

type TypeReading = { type: OrganisationType; legalForm: string | null; recognised: boolean }

const TYPE_NAMES: Record<string, OrganisationType> = {
  'kommune': 'kommune',
  'municipality': 'kommune',
  'region': 'region',
  'ngo': 'ngo',
  'ngo forening': 'ngo',
  'forening': 'ngo',
  'association': 'ngo',
  'fond': 'fond',
  'foundation': 'fond',
  'forskning': 'forskning',
  'forsknings eller uddannelsesinstitution': 'forskning',
  'forskningsinstitution': 'forskning',
  'uddannelsesinstitution': 'forskning',
  'universitet': 'forskning',
  'university': 'forskning',
  'professionshoejskole': 'forskning',
  'research': 'forskning',
  'virksomhed': 'virksomhed',
  'company': 'virksomhed',
  'andet': 'andet',
  'other': 'andet',
}

/** Legal forms that say what kind of organisation it is; the text is kept as the legal form. */
const LEGAL_FORMS: Record<string, OrganisationType> = {
  'forening': 'ngo',
  'frivillig forening': 'ngo',
  'almennyttig forening': 'ngo',
  'selvejende institution': 'ngo',
  'fagforening': 'ngo',
  'kommune': 'kommune',
  'region': 'region',
  'fond': 'fond',
  'erhvervsdrivende fond': 'fond',
  'a s': 'virksomhed',
  'aps': 'virksomhed',
  'i s': 'virksomhed',
  'ivs': 'virksomhed',
  'k s': 'virksomhed',
  'p s': 'virksomhed',
  's m b a': 'virksomhed',
  'a m b a': 'virksomhed',
  'enkeltmandsvirksomhed': 'virksomhed',
}

/**
 * Reads the Type column: a type name, or a legal form that implies one. Any
 * other text makes the organisation `andet`, keeping the text as its legal form.
 */
export function readOrganisationType(text: string): TypeReading {
  const key = normaliseHeader(text)
  if (!key) return { type: 'andet', legalForm: null, recognised: true }
  if (LEGAL_FORMS[key]) return { type: LEGAL_FORMS[key], legalForm: text.trim(), recognised: true }
  if (TYPE_NAMES[key]) return { type: TYPE_NAMES[key], legalForm: null, recognised: true }
  return { type: 'andet', legalForm: text.trim(), recognised: false }
}
