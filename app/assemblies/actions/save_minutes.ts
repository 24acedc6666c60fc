import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import Minutes from '#assemblies/models/minutes'
import { buildMinutesContent } from '#assemblies/queries/minutes_content'
import { minutesDigest, sameMinutesContent } from '#assemblies/rules/minutes_digest'
import { sameAddress } from '#assemblies/rules/minutes_signers'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { supportsRowLocks } from '#shared/row_locks'

export type MinutesInput = {
  dirigentName: string | null
  dirigentEmail: string | null
  referentName: string | null
  referentEmail: string | null
  statement: string | null
  /** The referent's notes by agenda item id. */
  notes: Record<number, string | null>
}

export type SaveMinutesResult =
  { status: 'updated' | 'new_version' | 'unchanged'; minutes: Minutes } | { status: 'same_person' }

/**
 * Writes the referent's notes and prepares the minutes from the assembly's
 * records. An unsigned draft is brought up to date. Once anyone has signed
 * a version, its text is never written again: a change becomes the next
 * version, whose signatures start over, and the earlier one stays as it was
 * signed (superseded, or signed by both). Saving the same text changes nothing.
 */
export class SaveMinutes {
  async handle(assemblyId: number, input: MinutesInput, actor: Actor): Promise<SaveMinutesResult> {
    // Dirigent and referent are two people; one address cannot sign for both.
    if (sameAddress(input.dirigentEmail, input.referentEmail)) return { status: 'same_person' }
    const assembly = await Assembly.findOrFail(assemblyId)
    await db.transaction(async (trx) => {
      assembly.useTransaction(trx)
      assembly.merge({
        dirigentName: input.dirigentName,
        dirigentEmail: input.dirigentEmail,
        referentName: input.referentName,
        referentEmail: input.referentEmail,
      })
      await assembly.save()
      const items = await AgendaItem.query({ client: trx }).where('assembly_id', assembly.id)
      for (const item of items) {
        if (!(item.id in input.notes)) continue
        item.notes = input.notes[item.id]
        await item.useTransaction(trx).save()
      }
    })
    const content = await buildMinutesContent(assembly.id, input.statement)
    return db.transaction(async (trx) => {
      // Locked, so a signature given meanwhile is either before this save or refused after it.
      const latestQuery = Minutes.query({ client: trx })
        .where('assembly_id', assembly.id)
        .orderBy('version', 'desc')
        .preload('signatures')
      if (supportsRowLocks(trx)) latestQuery.forUpdate()
      const latest = await latestQuery.first()
      if (latest && sameMinutesContent(latest.content, content)) {
        return { status: 'unchanged' as const, minutes: latest }
      }
      let minutes: Minutes
      let status: 'updated' | 'new_version'
      if (latest && latest.status === 'draft' && latest.signatures.length === 0) {
        latest.merge({
          content,
          contentHash: minutesDigest({ assemblyId: assembly.id, version: latest.version, content }),
        })
        minutes = await latest.useTransaction(trx).save()
        status = 'updated'
      } else {
        if (latest && latest.status === 'draft') {
          latest.status = 'superseded'
          await latest.useTransaction(trx).save()
        }
        const version = (latest?.version ?? 0) + 1
        minutes = await Minutes.create(
          {
            assemblyId: assembly.id,
            version,
            content,
            contentHash: minutesDigest({ assemblyId: assembly.id, version, content }),
            status: 'draft',
            createdBy: actor.label,
          },
          { client: trx }
        )
        status = latest ? 'new_version' : 'updated'
      }
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'minutes.saved',
        details: {
          assembly: assembly.title,
          version: minutes.version,
          hash: minutes.contentHash!,
          ...(latest && status === 'new_version' ? { replaces: latest.version } : {}),
        },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status, minutes }
    })
  }
}
