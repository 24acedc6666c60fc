import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Organisation from '#members/models/organisation'
import Tier from '#members/models/tier'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import type { InvoiceDocument } from '#dues/documents/invoice_document'

export type InvoiceKind = 'invoice' | 'credit_note'

/** An invoice or credit note. Issued once; never edited or deleted after. */
export default class Invoice extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: InvoiceKind

  @column()
  declare series: string

  @column()
  declare sequence: number

  @column()
  declare number: string

  @column()
  declare organisationId: number

  @column()
  declare year: number | null

  @column()
  declare tierId: number | null

  @column.date()
  declare issueDate: DateTime

  @column.date()
  declare dueDate: DateTime | null

  @column()
  declare netOre: number

  @column()
  declare vatOre: number

  @column()
  declare totalOre: number

  @column()
  declare creditsInvoiceId: number | null

  @column({ serializeAs: null })
  declare duesKey: string | null

  @column({
    prepare: (value: InvoiceDocument) => JSON.stringify(value),
    consume: (value: string | InvoiceDocument) =>
      typeof value === 'string' ? (JSON.parse(value) as InvoiceDocument) : value,
  })
  declare document: InvoiceDocument

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>

  @belongsTo(() => Tier)
  declare tier: BelongsTo<typeof Tier>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @hasMany(() => Reminder)
  declare reminders: HasMany<typeof Reminder>

  @hasMany(() => Invoice, { foreignKey: 'creditsInvoiceId' })
  declare creditNotes: HasMany<typeof Invoice>

  @belongsTo(() => Invoice, { foreignKey: 'creditsInvoiceId' })
  declare creditedInvoice: BelongsTo<typeof Invoice>

  /**
   * An amount of this document as it counts for the member and in the books:
   * a credit note's amounts are stored positive, as OIOUBL wants them, and
   * shown negative wherever a person reads them.
   */
  signed(ore: number) {
    return this.kind === 'credit_note' && ore !== 0 ? -ore : ore
  }

  get signedTotalOre() {
    return this.signed(this.totalOre)
  }
}
