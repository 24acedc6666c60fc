import db from '@adonisjs/lucid/services/db'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { retentionOf } from '#operations/queries/backup_overview'

export type BackupSettingsInput = {
  /** An absolute folder on the server; null turns the nightly backups off. */
  backupFolder: string | null
  backupKeepDaily: number
  backupKeepWeekly: number
  backupKeepMonthly: number
}

/** Where the nightly backups go and how many of them are kept. */
export class SaveBackupSettings {
  async handle(input: BackupSettingsInput, actor: Actor) {
    const settings = await getAssociationSettings()
    const keep = retentionOf(settings)
    const changes = diffFields(
      {
        backupFolder: settings.backupFolder ?? null,
        backupKeepDaily: keep.daily,
        backupKeepWeekly: keep.weekly,
        backupKeepMonthly: keep.monthly,
      },
      input
    )
    if (!changes) return { status: 'unchanged' as const }
    await db.transaction(async (trx) => {
      settings.useTransaction(trx)
      settings.merge(input)
      await settings.save()
      await recordAuditEvent(trx, actor, {
        module: 'operations',
        action: 'operations.backup_settings_saved',
        subject: { type: 'association_settings', id: settings.id },
        changes,
      })
    })
    return { status: 'saved' as const }
  }
}
