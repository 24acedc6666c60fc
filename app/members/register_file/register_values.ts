import i18nManager from '@adonisjs/i18n/services/main'
import { normaliseHeader } from '#shared/csv/danish_values'
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '#members/membership'
import { byText } from '#members/register_file/by_text'

/**
 * The words the register file uses for statuses and yes/no, written in
 * Danish and read in Danish or English, any case.
 */

const YES = ['ja', 'j', 'x', 'yes', 'y', 'true', 'sand', '1']
const NO = ['nej', 'n', 'no', 'false', 'falsk', '0', '']

export const FLAG_TEXT = { yes: 'Ja', no: 'Nej' }

/** A yes/no cell: true, false, or null when it says neither. */
export const readFlag = byText((text: string): boolean | null => {
  const key = normaliseHeader(text)
  if (YES.includes(key)) return true
  if (NO.includes(key)) return false
  return null
})

export function writeFlag(value: boolean) {
  return value ? FLAG_TEXT.yes : FLAG_TEXT.no
}

const STATUS_BY_NAME = new Map<string, MembershipStatus>(
  MEMBERSHIP_STATUSES.flatMap((status) => [
    [normaliseHeader(i18nManager.locale('da').t(`members.statuses.${status}`)), status],
    [normaliseHeader(i18nManager.locale('en').t(`members.statuses.${status}`)), status],
    [status, status],
  ])
)
// Words people write for the same states.
for (const [word, status] of [
  ['medlem', 'active'],
  ['member', 'active'],
  ['udmeldt', 'resigned'],
  ['ophoert', 'resigned'],
  ['former member', 'resigned'],
  ['ekskluderet', 'expelled'],
] as const) {
  STATUS_BY_NAME.set(word, status)
}

/** A status cell, in Danish or English; null when it names none. */
export const readStatus = byText(
  (text: string): MembershipStatus | null => STATUS_BY_NAME.get(normaliseHeader(text)) ?? null
)

export function writeStatus(status: MembershipStatus) {
  return i18nManager.locale('da').t(`members.statuses.${status}`)
}

/** The statuses as the file writes them, for a message that lists what is allowed. */
export function statusNames() {
  return MEMBERSHIP_STATUSES.map(writeStatus).join(', ')
}
