import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import { orWhereSearch } from '#shared/search_text'
import { type MembershipStatus, type OrganisationType } from '#members/membership'

export const ORGANISATION_SORTS = ['name', 'city', 'joined', 'status'] as const
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number]

export type OrganisationFilters = {
  q?: string | null
  type?: OrganisationType | null
  status?: MembershipStatus | null
  tierId?: number | null
  sort?: OrganisationSort | null
  direction?: 'asc' | 'desc' | null
}

const SORT_COLUMNS: Record<OrganisationSort, string> = {
  name: 'organisations.name_key',
  city: 'organisations.city',
  joined: 'organisations.joined_on',
  status: 'organisations.status',
}

/**
 * The register as the board searches it: by name or city, CVR, or a
 * contact's name or e-mail, case, accents and æøå ignored (see
 * #shared/search_text). Folded columns and one EXISTS keep it fast at tens
 * of thousands of organisations.
 */
export function organisationsQuery(filters: OrganisationFilters) {
  const query = Organisation.query()
  const text = filters.q?.trim()
  if (text) {
    const digits = text.replace(/\D/g, '')
    query.where((match) => {
      orWhereSearch(match, 'organisations.search_text', text)
      if (digits.length >= 4 && digits.length === text.replace(/\s/g, '').length) {
        match.orWhere('organisations.cvr', 'like', `${digits}%`)
      }
      match.orWhereExists(
        db
          .from('contacts')
          .whereColumn('contacts.organisation_id', 'organisations.id')
          .whereNull('contacts.erased_at')
          .where((person) => orWhereSearch(person, 'contacts.search_text', text))
      )
    })
  }
  if (filters.type) query.where('organisations.type', filters.type)
  if (filters.status) query.where('organisations.status', filters.status)
  if (filters.tierId) query.where('organisations.tier_id', filters.tierId)

  const direction = filters.direction === 'desc' ? 'desc' : 'asc'
  query
    .orderBy(SORT_COLUMNS[filters.sort ?? 'name'], direction)
    .orderBy('organisations.id', direction)
  return query
}

export async function listOrganisations(filters: OrganisationFilters, page = 1, perPage = 50) {
  return organisationsQuery(filters)
    .preload('tier')
    .preload('contacts', (contacts) => contacts.where('is_primary', true).whereNull('erased_at'))
    .paginate(page, perPage)
}
