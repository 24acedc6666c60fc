import i18nManager from '@adonisjs/i18n/services/main'
import { organisationsQuery, type OrganisationFilters } from '#members/queries/list_organisations'
import { writeDanishCsv } from '#shared/csv/write_danish_csv'

/** The same headers the import reads, so an export can be edited in Excel and imported again. */
const HEADERS = [
  'Navn',
  'Type',
  'Juridisk form',
  'CVR',
  'EAN',
  'Adresse',
  'Postnr',
  'By',
  'Hjemmeside',
  'Kontingentgruppe',
  'Status',
  'Indmeldt',
  'Udmeldt',
  'Kontaktperson',
  'E-mail',
  'Telefon',
]

/** The register (with the list's filters) as a file Danish Excel opens as it is. */
export async function exportMembers(filters: OrganisationFilters) {
  const danish = i18nManager.locale('da')
  const organisations = await organisationsQuery(filters)
    .preload('tier')
    .preload('contacts', (contacts) => contacts.where('is_primary', true).whereNull('erased_at'))
  const rows = organisations.map((organisation) => {
    const contact = organisation.contacts[0]
    return [
      organisation.name,
      danish.t(`members.types.${organisation.type}`),
      organisation.legalForm,
      organisation.cvr,
      organisation.ean,
      organisation.address,
      organisation.postcode,
      organisation.city,
      organisation.website,
      organisation.tier?.name,
      danish.t(`members.statuses.${organisation.status}`),
      organisation.joinedOn?.toFormat('dd-MM-yyyy'),
      organisation.leftOn?.toFormat('dd-MM-yyyy'),
      contact?.name,
      contact?.email,
      contact?.phone,
    ]
  })
  return { file: writeDanishCsv(HEADERS, rows), count: rows.length }
}
