import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import { sqlTimestamp } from '#shared/sql_time'

type ViewRow = {
  delivery_id: number
  issue_id: number
  sharer_id: number
  kind: 'view'
  created_at: string
}

const TABLE = 'newsletter_share_events'

/**
 * Views of share links, written in groups. A link posted where many see it
 * is opened hundreds of times a second, and a write per view cost as much
 * as the rest of the page; here views wait a moment (flushAfterMs) or until
 * flushAt have come, and go in one insert. A process that is killed loses
 * the views of that moment; one that stops writes them first. With
 * flushAfterMs 0 each view is written at once.
 */
export class ShareViewRecorder {
  #waiting: ViewRow[] = []
  #timer: NodeJS.Timeout | null = null
  #writing: Promise<void> = Promise.resolve()

  constructor(
    private flushAfterMs: number,
    private flushAt = 500
  ) {}

  async record(copy: { id: number; issueId: number; subscriberId: number }) {
    this.#waiting.push({
      delivery_id: copy.id,
      issue_id: copy.issueId,
      sharer_id: copy.subscriberId,
      kind: 'view',
      created_at: sqlTimestamp(),
    })
    if (this.flushAfterMs <= 0 || this.#waiting.length >= this.flushAt) return this.flush()
    this.#timer ??= setTimeout(() => void this.flush(), this.flushAfterMs)
  }

  /** Writes what waits; writes happen one after another, in the order views came. */
  flush() {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    const rows = this.#waiting.splice(0)
    this.#writing = this.#writing.then(() => write(rows))
    return this.#writing
  }
}

async function write(rows: ViewRow[]) {
  if (!rows.length) return
  try {
    await db.table(TABLE).multiInsert(rows)
  } catch {
    // A copy deleted meanwhile must not cost the other views: each goes on its own.
    for (const row of rows) {
      try {
        await db.table(TABLE).insert(row)
      } catch (error) {
        logger.warn({ err: error, deliveryId: row.delivery_id }, 'a share view was not recorded')
      }
    }
  }
}

/** The web process's views, grouped over SHARE_VIEW_FLUSH_MS (250 ms unless set). */
export const shareViews = new ShareViewRecorder(env.get('SHARE_VIEW_FLUSH_MS') ?? 250)
