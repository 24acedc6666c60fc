import db from '@adonisjs/lucid/services/db'
import { booksClosedThrough } from '#dues/rules/closed_books'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type CloseBooksResult =
  | { status: 'closed'; through: string }
  /** The books are closed through this day or later already: a period is never reopened. */
  | { status: 'already_closed'; closedThrough: string }
  /** Only days that are over can be closed. */
  | { status: 'not_past' }

/**
 * Closes the books through a day, as the treasurer does once a period is
 * reconciled and reported: no payment dated on or before it can be recorded
 * or undone after. The day only moves forward.
 */
export class CloseBooks {
  async handle(input: { through: string }, actor: Actor): Promise<CloseBooksResult> {
    if (input.through >= danishToday().toISODate()!) return { status: 'not_past' }
    // The day is kept on the settings row, which a new installation makes on first use.
    await getAssociationSettings()
    return db.transaction(async (trx) => {
      const current = await booksClosedThrough(trx)
      if (current && current >= input.through) {
        return { status: 'already_closed', closedThrough: current }
      }
      await trx.from('association_settings').update({ books_closed_through: input.through })
      await recordAuditEvent(trx, actor, {
        module: 'dues',
        action: 'books.closed',
        details: { through: input.through, before: current ?? '' },
        subject: null,
      })
      return { status: 'closed', through: input.through }
    })
  }
}
