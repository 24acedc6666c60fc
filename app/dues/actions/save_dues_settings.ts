import { getAssociationSettings } from '#association/queries/get_association_settings'
import { MAX_REMINDER_FEE_ORE } from '#dues/reminder_schedule'
import type { ProrationMode } from '#dues/proration'
import { saveSettingsFields } from '#association/actions/save_settings_fields'
import type { Actor } from '#audit/actor'
import type { BookkeepingAccounts } from '#dues/queries/bookkeeping_entries'

export type DuesSettingsInput = {
  duesProration: ProrationMode
  invoiceDueDays: number
  reminderFeeOre: number
  reminderIntervalDays: number
  /** The daily 09:00 reminder run; left out keeps its value. */
  automaticReminders?: boolean
  /** The bookkeeping export's accounts; one left out keeps its value. */
  accounts?: Partial<BookkeepingAccounts>
}

/** How dues are invoiced (proration, payment terms, reminder fee and spacing) and booked. */
export class SaveDuesSettings {
  async handle(input: DuesSettingsInput, actor: Actor) {
    if (input.reminderFeeOre < 0 || input.reminderFeeOre > MAX_REMINDER_FEE_ORE) {
      return { status: 'fee_too_high' as const }
    }
    const settings = await getAssociationSettings()
    const { accounts, automaticReminders, ...terms } = input
    const values = {
      ...terms,
      automaticReminders: automaticReminders ?? settings.automaticReminders,
      duesIncomeAccount: accounts?.duesIncomeAccount ?? settings.duesIncomeAccount,
      feeIncomeAccount: accounts?.feeIncomeAccount ?? settings.feeIncomeAccount,
      debtorsAccount: accounts?.debtorsAccount ?? settings.debtorsAccount,
      bankAccount: accounts?.bankAccount ?? settings.bankAccount,
      vatAccount: accounts?.vatAccount ?? settings.vatAccount,
    }
    return saveSettingsFields(values, { actor, module: 'dues', action: 'dues.settings_saved' })
  }
}
