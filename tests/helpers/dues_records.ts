import type { Group } from '@japa/runner/core'
import db from '@adonisjs/lucid/services/db'
import AssociationSettings from '#association/models/association_settings'

/*
| For the dues groups that cannot run inside a test transaction (commands in
| a process of their own, real concurrency): what they committed is removed
| after each test, and the association's settings are put back as they were.
*/

/** The settings the dues tests change (sellerSettings, the reminder fee); the closed books too. */
const CHANGED_SETTINGS = [
  'name',
  'cvr',
  'address',
  'postcode',
  'city',
  'email',
  'bankRegNo',
  'bankAccountNo',
  'reminderFeeOre',
] as const

/** Every dues record and what it hangs on, children first. */
export async function deleteDuesRecords() {
  await db.from('dues_run_items').delete()
  await db.from('dues_runs').delete()
  await db.from('reminders').delete()
  await db.from('payments').delete()
  await db.from('bank_statement_lines').delete()
  await db.from('bank_statements').delete()
  await db.from('bank_entries').delete()
  await db.from('import_files').where('kind', 'bank').delete()
  // Credit notes point at the invoices they cancel.
  await db.from('invoices').whereNotNull('credits_invoice_id').delete()
  await db.from('invoices').delete()
  await db.from('invoice_series').delete()
  await db.from('tier_fees').delete()
  await db.from('contacts').delete()
  await db.from('organisation_status_changes').delete()
  await db.from('organisations').delete()
  await db.from('tiers').delete()
  await db.from('audit_events').where('module', 'dues').delete()
}

/** Takes note of the settings now; the function returned puts them back (or removes a row made since). */
async function keepAssociationSettings() {
  const settings = await AssociationSettings.query().orderBy('id').first()
  const kept = settings
    ? Object.fromEntries(CHANGED_SETTINGS.map((field) => [field, settings[field]]))
    : null
  // The closed books have no model column: the dues rules read it raw.
  const closed = settings
    ? await db.from('association_settings').where('id', settings.id).first()
    : null
  return async () => {
    if (!settings || !kept) {
      await db.from('association_settings').delete()
      return
    }
    const current = await AssociationSettings.findOrFail(settings.id)
    current.merge(kept)
    await current.save()
    await db
      .from('association_settings')
      .where('id', settings.id)
      .update({ books_closed_through: closed?.books_closed_through ?? null })
  }
}

/** After each test of the group: its dues records gone, the settings as before it. */
export function cleanUpDuesAfterEach(group: Group) {
  group.each.setup(async () => {
    const restoreSettings = await keepAssociationSettings()
    return async () => {
      await deleteDuesRecords()
      await restoreSettings()
    }
  })
}
