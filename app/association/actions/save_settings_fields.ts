import db from '@adonisjs/lucid/services/db'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type AssociationSettings from '#association/models/association_settings'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

type SettingsFields = Parameters<AssociationSettings['merge']>[0]

/**
 * Saves some fields of the settings row, for a module's own settings form,
 * and logs what changed in the same transaction; nothing is written when
 * nothing changed.
 */
export async function saveSettingsFields(
  values: SettingsFields,
  audit: { actor: Actor; module: string; action: string; withSubject?: boolean }
) {
  const settings = await getAssociationSettings()
  const changes = diffFields(settings.$attributes, values)
  if (!changes) return { status: 'unchanged' as const }
  await db.transaction(async (trx) => {
    settings.useTransaction(trx)
    settings.merge(values)
    await settings.save()
    await recordAuditEvent(trx, audit.actor, {
      module: audit.module,
      action: audit.action,
      subject: audit.withSubject ? { type: 'association_settings', id: settings.id } : undefined,
      changes,
    })
  })
  return { status: 'saved' as const }
}
