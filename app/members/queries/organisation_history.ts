import AuditEvent from '#audit/models/audit_event'
import Invoice from '#dues/models/invoice'

/**
 * The audit events about one organisation, for its own contacts: those whose
 * subject is the organisation or one of its invoices. Newest first, a page at a
 * time. Events about people or lists are left out even when they name one of
 * its contacts, since they may concern other organisations too.
 */
export async function listOrganisationHistory(organisationId: number, page = 1, perPage = 25) {
  const invoiceIds = await Invoice.query().where('organisation_id', organisationId).select('id')
  return AuditEvent.query()
    .where((scope) => {
      scope
        .where((own) =>
          own.where('subject_type', 'organisation').where('subject_id', String(organisationId))
        )
        .orWhere((invoices) =>
          invoices.where('subject_type', 'invoice').whereIn(
            'subject_id',
            invoiceIds.map((invoice) => String(invoice.id))
          )
        )
    })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .paginate(page, perPage)
}
