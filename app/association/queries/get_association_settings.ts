import AssociationSettings from '#association/models/association_settings'
import {
  BACKUP_DEFAULTS,
  DUES_DEFAULTS,
  RETENTION_DEFAULTS,
  STATUTES_DEFAULTS,
} from '#association/statutes_defaults'

/**
 * The settings row; a fresh install that has not been seeded gets one with
 * the statutes defaults, so every module can rely on it existing.
 */
export async function getAssociationSettings() {
  const existing = await AssociationSettings.query().orderBy('id').first()
  if (existing) return existing
  return AssociationSettings.create({
    name: 'Foreningen',
    ...STATUTES_DEFAULTS,
    ...DUES_DEFAULTS,
    ...RETENTION_DEFAULTS,
    ...BACKUP_DEFAULTS,
  })
}
