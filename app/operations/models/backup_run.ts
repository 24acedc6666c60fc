import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** `running` until the archive is written: a run that outlasts the hour is not started twice. */
export type BackupRunStatus = 'running' | 'succeeded' | 'failed' | 'postponed'

const asNumberOrNull = {
  // MariaDB may send a BIGINT as digits.
  consume: (value: unknown) => (value === null || value === undefined ? null : Number(value)),
}

/** One run of the nightly backup: the archive written and the old ones pruned, or why not. */
export default class BackupRun extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare finishedAt: DateTime

  @column()
  declare status: BackupRunStatus

  /** The folder as the settings named it at the time of the run. */
  @column()
  declare folder: string

  @column()
  declare fileName: string | null

  @column(asNumberOrNull)
  declare sizeBytes: number | null

  /** Why a run was postponed: `secret_ballot_open`. */
  @column()
  declare reason: string | null

  @column()
  declare errorMessage: string | null

  @column({ consume: (value: unknown) => Number(value ?? 0) })
  declare prunedCount: number
}
