/**
 * The defaults a new association starts from: the common Danish statutes
 * (vedtægter). Each is a setting the board can change.
 */
export const STATUTES_DEFAULTS = {
  noticeDays: 14,
  motionDeadlineDays: 7,
  proxiesPerOrganisation: 1,
  unpaidDuesRemoveVotingRight: true,
  duesGraceMonths: 0,
  // Nobody is in arrears before being asked to pay, or before the day to pay by.
  votesWhenNotInvoiced: true,
  votesWhenDuesNotDue: true,
  extraordinaryRequestPercent: 10,
  vatExempt: true,
  vatExemptionText: 'Kontingentet er fritaget for moms, jf. momslovens § 13, stk. 1, nr. 4.',
} as const

/** How dues are invoiced until the treasurer says otherwise. */
export const DUES_DEFAULTS = {
  duesProration: 'none',
  invoiceDueDays: 30,
  reminderFeeOre: 0,
  reminderIntervalDays: 14,
  /** The bookkeeping export's accounts; the migration that adds them has the same. */
  duesIncomeAccount: '1010',
  feeIncomeAccount: '1020',
  debtorsAccount: '5600',
  bankAccount: '5820',
  vatAccount: '6910',
  /** Off, as the migration that adds it: reminders carry a fee, so the treasurer turns them on. */
  automaticReminders: false,
} as const

/** How long personal data is kept; the migration that adds the settings has the same. */
export const RETENTION_DEFAULTS = {
  retentionDeliveryMonths: 24,
  retentionShareEventMonths: 24,
  retentionForwardMonths: 6,
  retentionIpMonths: 6,
  retentionLoginTokenDays: 0,
  retentionFormerMemberMonths: 24,
} as const

/** How many nightly backups are kept, as the migration that adds the settings has it. */
export const BACKUP_DEFAULTS = {
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupKeepMonthly: 12,
} as const
