import { saveSettingsFields } from '#association/actions/save_settings_fields'
import type { Actor } from '#audit/actor'

export type BackupSettingsInput = {
  /** An absolute folder on the server; null turns the nightly backups off. */
  backupFolder: string | null
  backupKeepDaily: number
  backupKeepWeekly: number
  backupKeepMonthly: number
}

/** Where the nightly backups go and how many of them are kept. */
export class SaveBackupSettings {
  handle(input: BackupSettingsInput, actor: Actor) {
    return saveSettingsFields(input, {
      actor,
      module: 'operations',
      action: 'operations.backup_settings_saved',
      withSubject: true,
    })
  }
}
