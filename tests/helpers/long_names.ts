import type { RouteRecords } from '#tests/helpers/route_records'

/**
 * Real names and addresses are longer than a factory's: a municipality's
 * department mailbox, a double surname, a Danish compound. Words without a
 * break opportunity are what push a page sideways, so the pages are measured
 * with those rather than with whatever the factory drew.
 */
export async function giveLongNames(records: RouteRecords) {
  records.contact.merge({
    name: 'Maximilianbartholomæus Kristoffersenchristiansen',
    email: 'socialforvaltningensudviklingsafdeling_kontakt@aarhuskommune.dk',
  })
  records.colleague.merge({
    name: 'Annemariekirstine Østergaardpedersen',
    email: 'sekretariatsmedarbejderafdelingen_nyhedsbreve@example.org',
  })
  records.organisation.merge({
    name: 'Landsforeningenforsocialpædagogiskudviklingsarbejde',
    address: 'Kristoffersensvejsforlængelsesgade 1234',
  })
  records.subscriber.merge({ email: 'abonnentenmedenmegetlangadresse_nyhedsbreve@example.org' })
  await Promise.all(
    [records.contact, records.colleague, records.organisation, records.subscriber].map((row) =>
      row.save()
    )
  )
}
