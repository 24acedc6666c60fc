import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#members/models/contact'
import { ERASED, eraseContactDetails } from '#members/actions/contact_privacy'
import { bookkeepingKeptFrom, danishDateMonthsBefore } from '#operations/retention/cutoffs'

const FORMER = ['resigned', 'expelled']

/**
 * Organisations that left (resigned or were expelled) before the Danish
 * date, and applications rejected before it (the rejection is their last
 * status change).
 */
function formerMembersLeftBefore(trx: TransactionClientContract, leftBefore: string) {
  const changes = (sub: ReturnType<TransactionClientContract['from']>) =>
    sub
      .from('organisation_status_changes')
      .whereColumn('organisation_status_changes.organisation_id', 'organisations.id')
  return trx
    .from('organisations')
    .select('id')
    .where((former) =>
      former
        .where((left) =>
          left.whereIn('status', FORMER).whereNotNull('left_on').where('left_on', '<', leftBefore)
        )
        .orWhere((rejected) =>
          rejected
            .where('status', 'rejected')
            .whereExists((sub) => changes(sub).where('to_status', 'rejected'))
            .whereNotExists((sub) => changes(sub).where('changed_on', '>=', leftBefore))
        )
    )
}

/**
 * A former member's contact persons, once the months after the day it left
 * have passed (the day itself counts as within; for a rejected application,
 * the day of the rejection): name, e-mail, phone and
 * title become the erased placeholder, as on a request under GDPR art. 17,
 * and the person reference for invoices on the organisation goes. The
 * organisation itself stays (it is not a person), and so do its invoices,
 * credit notes and payments, which keep the name and address they were
 * issued with: bookkeeping law keeps them, and Kreds never changes them.
 *
 * What named a person next to an invoice (the address a reminder or a dues
 * run sent it to) goes only once that invoice is past the bookkeeping period,
 * five years after the end of the year it was issued in.
 */
export async function anonymiseFormerMembers(
  trx: TransactionClientContract,
  now: DateTime,
  months: number
) {
  const leftBefore = danishDateMonthsBefore(now, months)
  const contacts = await Contact.query({ client: trx })
    .whereNull('erased_at')
    .whereIn('organisation_id', formerMembersLeftBefore(trx, leftBefore))
    .orderBy('id')
  for (const contact of contacts) {
    // A name change the person asked for in the portal names them as its requester.
    if (contact.email) {
      await trx
        .from('name_change_requests')
        .where('organisation_id', contact.organisationId)
        .where('requested_by', contact.email)
        .update({ requested_by: ERASED })
    }
    await eraseContactDetails(contact, trx)
  }
  const organisations = new Set(contacts.map((contact) => contact.organisationId))
  if (organisations.size) {
    await trx
      .from('organisations')
      .whereIn('id', [...organisations])
      .update({ invoice_reference: null })
  }
  return {
    former_members: organisations.size,
    contacts: contacts.length,
    invoice_addresses: await blankInvoiceAddresses(trx, leftBefore, bookkeepingKeptFrom(now)),
  }
}

/** Reminder and dues-run addresses of former members' invoices issued before the date. */
async function blankInvoiceAddresses(
  trx: TransactionClientContract,
  leftBefore: string,
  keptFrom: string
) {
  const pastInvoices = () =>
    trx
      .from('invoices')
      .select('id')
      .where('issue_date', '<', keptFrom)
      .whereIn('organisation_id', formerMembersLeftBefore(trx, leftBefore))
  const reminders = await trx
    .from('reminders')
    .whereNotNull('sent_to')
    .whereIn('invoice_id', pastInvoices())
    .update({ sent_to: null })
  const runItems = await trx
    .from('dues_run_items')
    .whereNotNull('recipient')
    .whereIn('invoice_id', pastInvoices())
    .update({ recipient: null })
  return Number(reminders) + Number(runItems)
}
