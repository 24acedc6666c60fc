import type { ColumnKind } from '#operations/backup/portable_values'
import type { StoredFile } from '#operations/backup/stored_files'

export const FORMAT = 'kreds-backup'
export const FORMAT_VERSION = 1

/**
 * Tables left out of a backup, and why. Every other table is backed up, so a
 * module's new table is safe without anyone remembering to list it.
 */
export const EXCLUDED_TABLES: Record<string, string> = {
  adonis_schema: "recreated by the restore's own migrations",
  adonis_schema_versions: "recreated by the restore's own migrations",
  sessions: 'logins must not come back to life on another server or after a restore',
  rate_limits: 'counters that expire within minutes',
  newsletter_issue_presence: 'who has an issue open in the editor right now',
  process_heartbeats: 'which web servers and workers run right now',
}

export type ManifestTable = {
  columns: { name: string; kind: ColumnKind }[]
  primaryKey: string[]
  rows: number
  sha256: string
}

export type Manifest = {
  format: typeof FORMAT
  formatVersion: number
  kredsVersion: string
  createdAt: string
  database: 'sqlite' | 'mysql'
  lastMigration: string
  excludedTables: string[]
  tables: Record<string, ManifestTable>
  files: StoredFile[]
}

export function tableFileName(table: string) {
  return `tables/${table}.jsonl`
}
