import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import { PublishConsentText } from '#newsletters/actions/publish_consent_text'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import { isUniqueViolation } from '#shared/database_constraints'

export type NewsletterListInput = {
  name: string
  slug: string
  description: string | null
  isPublic: boolean
  archivePublic: boolean
  forMembers: boolean
  consentText: string
}

export type SaveNewsletterListResult =
  { status: 'saved'; list: NewsletterList } | { status: 'slug_taken' }

/** Creates or changes a list; a changed consent text becomes its next version. */
export class SaveNewsletterList {
  async handle(
    listId: number | null,
    input: NewsletterListInput,
    actor: Actor
  ): Promise<SaveNewsletterListResult> {
    const { consentText, ...fields } = input
    let list: NewsletterList
    try {
      list = await db.transaction(async (trx) => {
        const row = listId
          ? await NewsletterList.findOrFail(listId, { client: trx })
          : new NewsletterList()
        // A new list logs its starting values, so the member offer and archive flags are on record.
        const changes = diffFields(row.$isPersisted ? row.$attributes : {}, fields)
        row.merge(fields)
        await row.useTransaction(trx).save()
        if (!listId || changes) {
          await recordAuditEvent(trx, actor, {
            module: 'newsletters',
            action: listId ? 'list.updated' : 'list.created',
            details: { name: row.name },
            subject: { type: 'newsletter_list', id: row.id },
            changes,
          })
        }
        return row
      })
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'slug_taken' }
      throw error
    }
    await new PublishConsentText().handle({ listId: list.id, body: consentText }, actor)
    return { status: 'saved', list }
  }
}
