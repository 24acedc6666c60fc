import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import Minutes from '#assemblies/models/minutes'
import { buildMinutesContent } from '#assemblies/queries/minutes_content'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type MinutesInput = {
  dirigentName: string | null
  dirigentEmail: string | null
  referentName: string | null
  referentEmail: string | null
  statement: string | null
  /** The referent's notes by agenda item id. */
  notes: Record<number, string | null>
}

/**
 * Writes the referent's notes and prepares the minutes from the assembly's
 * records. A draft is brought up to date; a signed version stays as it was
 * signed, and the correction becomes the next version, to be signed anew.
 */
export class SaveMinutes {
  async handle(assemblyId: number, input: MinutesInput, actor: Actor) {
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
      const latest = await Minutes.query({ client: trx })
        .where('assembly_id', assembly.id)
        .orderBy('version', 'desc')
        .first()
      let minutes: Minutes
      if (latest && latest.status === 'draft') {
        latest.content = content
        minutes = await latest.useTransaction(trx).save()
      } else {
        minutes = await Minutes.create(
          {
            assemblyId: assembly.id,
            version: (latest?.version ?? 0) + 1,
            content,
            status: 'draft',
            createdBy: actor.label,
          },
          { client: trx }
        )
      }
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'minutes.saved',
        details: { assembly: assembly.title, version: minutes.version },
        subject: { type: 'assembly', id: assembly.id },
      })
      return minutes
    })
  }
}
