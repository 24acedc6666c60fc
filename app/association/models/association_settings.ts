import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const asBoolean = { consume: (value: unknown) => Boolean(value) }

/** The one row of the association's profile and statutes settings. */
export default class AssociationSettings extends BaseModel {
  static table = 'association_settings'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare cvr: string | null

  @column()
  declare address: string | null

  @column()
  declare postcode: string | null

  @column()
  declare city: string | null

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column()
  declare bankRegNo: string | null

  @column()
  declare bankAccountNo: string | null

  /** FI creditor number for FI-kort +71 payments: 8 digits beginning with 8. */
  @column()
  declare fiCreditorNo: string | null

  @column()
  declare logoPath: string | null

  @column.date()
  declare foundedOn: DateTime | null

  @column()
  declare noticeDays: number

  @column()
  declare motionDeadlineDays: number

  @column()
  declare proxiesPerOrganisation: number

  @column(asBoolean)
  declare unpaidDuesRemoveVotingRight: boolean

  @column()
  declare duesGraceMonths: number

  /** Whether a member not yet invoiced for the assembly's year votes. */
  @column(asBoolean)
  declare votesWhenNotInvoiced: boolean

  /** Whether a member whose invoice for the year is not yet due votes. */
  @column(asBoolean)
  declare votesWhenDuesNotDue: boolean

  @column()
  declare extraordinaryRequestPercent: number

  @column(asBoolean)
  declare vatExempt: boolean

  /** The scheduler starts the day's reminder run by itself at 09:00. */
  @column(asBoolean)
  declare automaticReminders: boolean

  /** An absolute folder on the server for the nightly backups; null turns them off. */
  @column()
  declare backupFolder: string | null

  /** How many nightly backups are kept: the newest of each of the last N days, ISO weeks, months. */
  @column()
  declare backupKeepDaily: number

  @column()
  declare backupKeepWeekly: number

  @column()
  declare backupKeepMonthly: number

  @column()
  declare vatExemptionText: string | null

  /** 'none', or 'quarters': members who join during the year pay for the quarters left. */
  @column()
  declare duesProration: 'none' | 'quarters'

  @column()
  declare invoiceDueDays: number

  @column()
  declare reminderFeeOre: number

  @column()
  declare reminderIntervalDays: number

  /** Accounts of the bookkeeping export (digits, as the bookkeeper's chart numbers them). */
  @column()
  declare duesIncomeAccount: string

  @column()
  declare feeIncomeAccount: string

  @column()
  declare debtorsAccount: string

  @column()
  declare bankAccount: string

  @column()
  declare vatAccount: string

  /** `#rrggbb`, dark enough for white text on it: the newsletter's header band and buttons. */
  @column()
  declare brandColour: string

  /** Data retention (see README, Retention): months, or days for login links. */
  @column()
  declare retentionDeliveryMonths: number

  @column()
  declare retentionShareEventMonths: number

  @column()
  declare retentionForwardMonths: number

  @column()
  declare retentionIpMonths: number

  @column()
  declare retentionLoginTokenDays: number

  @column()
  declare retentionFormerMemberMonths: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
