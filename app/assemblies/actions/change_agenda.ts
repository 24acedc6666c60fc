import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type AgendaChange =
  | { type: 'add'; title: string; description: string | null }
  | { type: 'remove'; itemId: number }
  | { type: 'move'; itemId: number; direction: 'up' | 'down' }

export type ChangeAgendaResult = { status: 'changed' | 'locked' | 'not_found' | 'in_use' }

/**
 * Adds, removes or moves an agenda item until the assembly closes. An item
 * with motions or ballots stays; positions are kept 1, 2, 3… without gaps.
 */
export class ChangeAgenda {
  async handle(
    assemblyId: number,
    change: AgendaChange,
    actor: Actor
  ): Promise<ChangeAgendaResult> {
    return db.transaction(async (trx): Promise<ChangeAgendaResult> => {
      const assembly = await Assembly.findOrFail(assemblyId, { client: trx })
      if (assembly.status === 'closed') return { status: 'locked' }
      const items = await AgendaItem.query({ client: trx })
        .where('assembly_id', assembly.id)
        .orderBy('position')
        .preload('motions')
        .preload('ballots')
      let title: string
      if (change.type === 'add') {
        await AgendaItem.create(
          {
            assemblyId: assembly.id,
            position: items.length + 1,
            title: change.title,
            description: change.description,
          },
          { client: trx }
        )
        title = change.title
      } else {
        const index = items.findIndex((item) => item.id === change.itemId)
        if (index < 0) return { status: 'not_found' }
        const item = items[index]
        title = item.title
        if (change.type === 'remove') {
          if (item.motions.length || item.ballots.length) return { status: 'in_use' }
          await item.useTransaction(trx).delete()
          items.splice(index, 1)
        } else {
          const target = change.direction === 'up' ? index - 1 : index + 1
          if (target < 0 || target >= items.length) return { status: 'changed' }
          ;[items[index], items[target]] = [items[target], items[index]]
        }
        await renumber(items, trx)
      }
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: `agenda.${change.type}`,
        details: { assembly: assembly.title, item: title },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'changed' }
    })
  }
}

async function renumber(items: AgendaItem[], trx: TransactionClientContract) {
  for (const [index, item] of items.entries()) {
    if (item.position === index + 1) continue
    item.position = index + 1
    await item.useTransaction(trx).save()
  }
}
