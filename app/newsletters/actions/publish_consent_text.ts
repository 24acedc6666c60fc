import db from '@adonisjs/lucid/services/db'
import ConsentText from '#newsletters/models/consent_text'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

/**
 * A list's consent text is never edited in place: a changed text is a new
 * version, so every subscription keeps pointing at the words its reader saw.
 */
export class PublishConsentText {
  async handle(input: { listId: number; body: string }, actor: Actor) {
    return db.transaction(async (trx) => {
      const current = await ConsentText.query({ client: trx })
        .where('list_id', input.listId)
        .orderBy('version', 'desc')
        .first()
      if (current && current.body.trim() === input.body.trim())
        return { status: 'unchanged' as const, text: current }

      const text = await ConsentText.create(
        {
          listId: input.listId,
          version: (current?.version ?? 0) + 1,
          body: input.body.trim(),
          createdBy: actor.label,
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'consent_text.published',
        details: { version: text.version },
        subject: { type: 'newsletter_list', id: input.listId },
      })
      return { status: 'published' as const, text }
    })
  }
}
