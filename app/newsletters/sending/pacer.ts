import { setTimeout as sleep } from 'node:timers/promises'
import limiter from '@adonisjs/limiter/services/main'
import { errors } from '@adonisjs/limiter'
import env from '#start/env'

/** Messages per second an issue may go out at: its own limit, else NEWSLETTER_RATE_LIMIT, else none. */
export function sendRateFor(issueRate: number | null | undefined) {
  const rate = issueRate || env.get('NEWSLETTER_RATE_LIMIT') || 0
  return rate > 0 ? rate : null
}

/**
 * Keeps a send under its rate across every worker: the counts live in the
 * limiter's store (Redis or the database when several processes send).
 * Messages are taken in slices of about a tenth of a second's worth, so the
 * store is asked ten times a second, not once a message.
 */
export class SendPacer {
  #slice: number
  #left = 0
  #key: string
  #limiter: ReturnType<typeof limiter.use> | null
  /** How many times the pacer had to wait: shown by tests and the benchmark. */
  waits = 0

  constructor(rate: number | null, scope: string) {
    this.#key = `newsletter-send:${scope}`
    this.#slice = rate ? Math.max(1, Math.ceil(rate / 10)) : 0
    this.#limiter = rate
      ? limiter.use({
          requests: this.#slice * Math.max(1, Math.floor(rate / this.#slice)),
          duration: 1,
        })
      : null
  }

  /** Resolves when one more message may go. */
  async take() {
    if (!this.#limiter) return
    if (this.#left > 0) {
      this.#left--
      return
    }
    while (true) {
      try {
        await this.#limiter.consume(this.#key, this.#slice)
        this.#left = this.#slice - 1
        return
      } catch (error) {
        if (!(error instanceof errors.E_TOO_MANY_REQUESTS)) throw error
        this.waits++
        const seconds = await this.#limiter.availableIn(this.#key)
        await sleep(Math.max(20, Math.min(1000, seconds * 1000)))
      }
    }
  }
}
