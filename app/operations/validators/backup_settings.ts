import { isAbsolute, normalize, relative } from 'node:path'
import vine from '@vinejs/vine'
import app from '@adonisjs/core/services/app'
import { MAX_KEPT } from '#operations/backup/backup_retention'
import { STORED_FOLDERS } from '#operations/backup/stored_files'

/** The i18n prefix of this form's messages (operations.json, backups.validator.messages). */
export const BACKUP_SETTINGS_MESSAGES = 'operations.backups.validator'

function isInside(folder: string, parent: string) {
  const path = relative(parent, folder)
  return path === '' || (!path.startsWith('..') && !isAbsolute(path))
}

/**
 * A folder on the server, written as an absolute path, and not one whose
 * files every backup takes along: a backup kept there would be in the next
 * backup, and that one in the next.
 */
const backupFolderRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!isAbsolute(value) || value.includes('\0')) {
    field.report('Write the whole path from the root, e.g. /srv/kreds-backups.', 'absolute', field)
    return
  }
  const folder = normalize(value).replace(/(.)\/+$/, '$1')
  if (STORED_FOLDERS.some((stored) => isInside(folder, app.makePath(stored)))) {
    field.report('The folder is among the files a backup takes along.', 'backed_up', field)
    return
  }
  field.mutate(folder, field)
})

/** 0 keeps none of that kind; an empty field is refused, not read as 0 or as the default. */
const keptCount = () => vine.number().withoutDecimals().range([0, MAX_KEPT])

export const backupSettingsValidator = vine.create({
  backup_folder: vine.string().trim().maxLength(500).use(backupFolderRule()).optional(),
  backup_keep_daily: keptCount(),
  backup_keep_weekly: keptCount(),
  backup_keep_monthly: keptCount(),
})
