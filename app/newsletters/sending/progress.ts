import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { sqlTimestamp } from '#shared/sql_time'

/** Sent rows are written down at least this often, in messages… */
const RECORD_EVERY = 10
/** …and in milliseconds; each write also tells other workers the claim is alive. */
const RECORD_AFTER_MS = 1000

/**
 * Seconds a claimed delivery may go without a sign of life before another
 * worker may take it: longer than a batch takes between two records.
 */
export function claimTimeoutSeconds() {
  return Math.max(1, env.get('NEWSLETTER_CLAIM_TIMEOUT') ?? 300)
}

/**
 * What one batch has done with its claimed rows. Sent rows are recorded in
 * small groups, so a worker killed mid-send leaves at most a group and the
 * messages in flight sent but not recorded: those are the only copies a
 * resumed send can deliver twice.
 */
export class DeliveryProgress {
  #claim: string
  #sent: number[] = []
  #lastRecord = Date.now()
  #lastRenewal = Date.now()
  #writing: Promise<void> = Promise.resolve()

  constructor(claim: string) {
    this.#claim = claim
  }

  async sent(id: number) {
    this.#sent.push(id)
    if (this.#sent.length >= RECORD_EVERY || Date.now() - this.#lastRecord >= RECORD_AFTER_MS)
      await this.flush()
  }

  async failed(id: number, error: string) {
    await this.#write(() =>
      db
        .from('newsletter_deliveries')
        .where('id', id)
        .where('claim', this.#claim)
        .update({ status: 'failed', claim: null, error })
    )
  }

  /** Back to the queue until `retryAt`; the answer stays visible until then. */
  async requeue(id: number, error: string, retryAt: DateTime) {
    await this.#write(() =>
      db
        .from('newsletter_deliveries')
        .where('id', id)
        .where('claim', this.#claim)
        .update({ status: 'queued', claim: null, error, retry_at: sqlTimestamp(retryAt) })
    )
  }

  /** Rows a paused or cancelled send had claimed go back to the queue unsent. */
  async release(ids: number[]) {
    if (!ids.length) return 0
    let released = 0
    await this.#write(async () => {
      released = Number(
        await db
          .from('newsletter_deliveries')
          .whereIn('id', ids)
          .where('claim', this.#claim)
          .where('status', 'sending')
          .update({ status: 'queued', claim: null, attempts: db.raw('attempts - 1') })
      )
    })
    return released
  }

  /** Records the sent rows, and renews the claim on the rest once a second. */
  async flush() {
    const ids = this.#sent.splice(0)
    const now = Date.now()
    this.#lastRecord = now
    const renew = now - this.#lastRenewal >= RECORD_AFTER_MS
    if (renew) this.#lastRenewal = now
    await this.#write(async () => {
      if (ids.length)
        await db.from('newsletter_deliveries').whereIn('id', ids).update({
          status: 'sent',
          sent_at: sqlTimestamp(),
          claim: null,
          error: null,
          retry_at: null,
        })
      if (renew)
        await db
          .from('newsletter_deliveries')
          .where('claim', this.#claim)
          .where('status', 'sending')
          .update({ claimed_at: sqlTimestamp() })
    })
  }

  /** One write at a time, in order: the lanes share one record. */
  #write(work: () => Promise<unknown>) {
    const done = this.#writing.then(async () => {
      await work()
    })
    this.#writing = done.catch(() => {})
    return done
  }
}
