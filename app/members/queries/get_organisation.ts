import Organisation from '#members/models/organisation'
import { listAuditEvents } from '#audit/queries/list_audit_events'
import NameChangeRequest from '#members/models/name_change_request'

/** Everything the board's page for one organisation shows. */
export async function getOrganisationDetail(id: number) {
  const organisation = await Organisation.query()
    .where('id', id)
    .preload('tier')
    .preload('contacts', (contacts) =>
      contacts.whereNull('erased_at').orderBy('is_primary', 'desc').orderBy('name')
    )
    .preload('statusChanges', (changes) =>
      changes.orderBy('changed_on', 'desc').orderBy('id', 'desc')
    )
    .firstOrFail()
  const auditTrail = await listAuditEvents({
    subjectType: 'organisation',
    subjectId: String(organisation.id),
    perPage: 25,
  })
  const nameRequest = await NameChangeRequest.query()
    .where('organisation_id', organisation.id)
    .where('status', 'pending')
    .first()
  return { organisation, auditTrail, nameRequest }
}
