import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { parseSubscriberRows, type SubscriberRow } from '#newsletters/import/subscriber_rows'
import { readCsvOrProblem, type CsvProblem } from '#shared/csv/describe_problem'
import { unmailableAmong } from '#newsletters/subscriber_records'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type ImportSubscribersSummary = {
  added: number
  alreadySubscribed: number
  suppressed: string[]
  unknownColumns: string[]
}

export type ImportSubscribersResult =
  | { status: 'invalid'; problems: CsvProblem[]; unknownColumns: string[] }
  | { status: 'checked' | 'imported'; summary: ImportSubscribersSummary }

/**
 * Adds readers to a list from a file, each with the consent evidence the file
 * holds. One row without evidence means nothing is imported. An address that
 * unsubscribed, bounced or complained is never put back: it is skipped and
 * named in the summary.
 */
export class ImportSubscribers {
  async handle(
    input: { listId: number; file: Buffer; fileName: string; dryRun: boolean },
    actor: Actor
  ): Promise<ImportSubscribersResult> {
    const read = readCsvOrProblem(input.file)
    if ('problem' in read)
      return { status: 'invalid', problems: [read.problem], unknownColumns: [] }
    const parsed = parseSubscriberRows(read.csv, input.fileName)
    if (parsed.problems.length)
      return { status: 'invalid', problems: parsed.problems, unknownColumns: parsed.unknownColumns }

    const list = await NewsletterList.findOrFail(input.listId)
    const emails = parsed.rows.map((row) => row.email)
    const existing = await Subscriber.query().whereIn('email', emails).preload('subscriptions')
    const known = new Map(existing.map((subscriber) => [subscriber.email!, subscriber]))
    const unmailable = await unmailableAmong(emails)
    const suppressed = parsed.rows
      .filter((row) => unmailable.has(row.email))
      .map((row) => row.email)
    const onList = parsed.rows.filter((row) =>
      known.get(row.email)?.subscriptions.some((s) => s.listId === list.id && s.status === 'active')
    )
    // Sets: a list of tens of thousands of readers must not be searched once per row.
    const suppressedSet = new Set(suppressed)
    const onListSet = new Set(onList)
    const toAdd = parsed.rows.filter((row) => !suppressedSet.has(row.email) && !onListSet.has(row))
    const summary = {
      added: toAdd.length,
      alreadySubscribed: onList.length,
      suppressed,
      unknownColumns: parsed.unknownColumns,
    }
    if (input.dryRun) return { status: 'checked', summary }

    await db.transaction(async (trx) => {
      for (const row of toAdd) await this.add(row, list.id, known.get(row.email) ?? null, trx)
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscribers.imported',
        details: { list: list.name, count: toAdd.length, file: input.fileName },
        subject: { type: 'newsletter_list', id: list.id },
      })
    })
    return { status: 'imported', summary }
  }

  protected async add(
    row: SubscriberRow,
    listId: number,
    existing: Subscriber | null,
    trx: TransactionClientContract
  ) {
    const subscriber =
      existing ?? (await Subscriber.create({ email: row.email, name: row.name }, { client: trx }))
    const subscription =
      existing?.subscriptions.find((s) => s.listId === listId) ?? new Subscription()
    subscription.merge({
      subscriberId: subscriber.id,
      listId,
      status: 'active',
      consentTextId: null,
      source: 'import',
      requestedAt: row.requestedAt,
      requestIp: row.requestIp,
      confirmedAt: row.confirmedAt,
      unsubscribedAt: null,
      evidence: row.evidence,
    })
    await subscription.useTransaction(trx).save()
  }
}
