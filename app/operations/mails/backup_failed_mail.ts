import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#identity/models/user'
import type BackupRun from '#operations/models/backup_run'
import { absoluteUrlFor } from '#shared/absolute_url'
import { formatDateTime } from '#shared/formatting'

/** To an admin, in their own language: the night's backup failed, why, and in which folder. */
export default class BackupFailedMail extends BaseMail {
  constructor(
    private user: User,
    private run: BackupRun
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const data = {
      i18n,
      name: this.user.fullName,
      at: formatDateTime(this.run.startedAt, this.user.locale),
      folder: this.run.folder,
      error: this.run.errorMessage ?? '',
      url: absoluteUrlFor('backups.index'),
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t('operations.backups.mail.subject'))
      .htmlView('emails/backup_failed_html', data)
      .textView('emails/backup_failed_text', data)
  }
}
