import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Allocation, MatchCertainty, MatchReason } from '#dues/bank/match_bank_entries'

/**
 * matched: payments name this entry; open: money in, waiting for the
 * treasurer; not_dues: money in that the treasurer said is no dues payment;
 * debit: money out, left alone.
 */
export type BankEntryState = 'matched' | 'open' | 'not_dues' | 'debit'

/** How an entry was matched: a rule's code, or the treasurer's own choice. */
export type MatchedBy = MatchReason['code'] | 'treasurer'

/** What the matching rules proposed at import, kept for the treasurer's decision. */
export type StoredSuggestion = {
  certainty: MatchCertainty
  reason: MatchReason
  allocations: Allocation[]
}

/** A booked entry from a bank statement, stored once however many statements list it. */
export default class BookedBankEntry extends BaseModel {
  static table = 'bank_entries'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare account: string

  @column()
  declare fingerprint: string

  @column.date()
  declare bookingDate: DateTime

  @column({ consume: (value) => Number(value) })
  declare amountOre: number

  @column()
  declare text: string

  @column()
  declare payerName: string | null

  @column()
  declare reference: string | null

  @column()
  declare state: BankEntryState

  @column({
    prepare: (value: StoredSuggestion | null) => (value ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? (JSON.parse(value) as StoredSuggestion) : null),
  })
  declare suggestion: StoredSuggestion | null

  @column({ columnName: 'match_reason' })
  declare matchedBy: MatchedBy | null

  @column()
  declare importFileId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  /** How the change log names the entry in every event about it. */
  auditDetails() {
    return {
      entry: this.text.slice(0, 200),
      date: this.bookingDate.toISODate() ?? '',
      amount: (this.amountOre / 100).toFixed(2),
    }
  }
}
