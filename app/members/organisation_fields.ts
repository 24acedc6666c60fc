import type { OrganisationType } from '#members/membership'

/** The organisation's own details, as the board, the import and applications give them. */
export type OrganisationFields = {
  name: string
  type: OrganisationType
  legalForm: string | null
  cvr: string | null
  ean: string | null
  address: string | null
  postcode: string | null
  city: string | null
  website: string | null
  tierId: number | null
  notes: string | null
  /** The buyer's order or person reference for invoices; public buyers require it. */
  invoiceReference?: string | null
}

export type NewContactFields = {
  name: string
  title?: string | null
  email: string | null
  phone: string | null
}
