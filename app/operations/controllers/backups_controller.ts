import type { HttpContext } from '@adonisjs/core/http'
import OperationsPolicy from '#operations/policies/operations_policy'
import { getBackupOverview } from '#operations/queries/backup_overview'
import {
  BACKUP_SETTINGS_MESSAGES,
  backupSettingsValidator,
} from '#operations/validators/backup_settings'
import { SaveBackupSettings } from '#operations/actions/save_backup_settings'
import { staffActor } from '#audit/request_actor'

/** The nightly backups: where they go, how many are kept, and how the last runs went. */
export default class BackupsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(OperationsPolicy).authorize('manage')
    const overview = await getBackupOverview()
    return view.render('operations/backups', { overview, section: 'staff' })
  }

  async updateSettings({ request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with(OperationsPolicy).authorize('manage')
    const input = await request.validateUsing(backupSettingsValidator, {
      messagesProvider: i18n.createMessagesProvider(BACKUP_SETTINGS_MESSAGES),
    })
    const result = await new SaveBackupSettings().handle(
      {
        backupFolder: input.backup_folder ?? null,
        backupKeepDaily: input.backup_keep_daily,
        backupKeepWeekly: input.backup_keep_weekly,
        backupKeepMonthly: input.backup_keep_monthly,
      },
      staffActor({ auth, request })
    )
    session.flash('success', i18n.t(`operations.backups.settings.${result.status}`))
    return response.redirect().toRoute('backups.index')
  }
}
