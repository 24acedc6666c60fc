import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/**
 * The settings of how long personal data is kept: each a whole number of
 * months (login links: days), always given. 0 means "until the first night
 * after", where that is safe; deliveries and share events keep at least a
 * month, so that a link in a newsletter just sent still works.
 */
export const RETENTION_FIELDS = [
  { name: 'retention_delivery_months', key: 'retentionDeliveryMonths' },
  { name: 'retention_share_event_months', key: 'retentionShareEventMonths' },
  { name: 'retention_forward_months', key: 'retentionForwardMonths' },
  { name: 'retention_ip_months', key: 'retentionIpMonths' },
  { name: 'retention_login_token_days', key: 'retentionLoginTokenDays' },
  { name: 'retention_former_member_months', key: 'retentionFormerMemberMonths' },
] as const

export type RetentionField = (typeof RETENTION_FIELDS)[number]
export type RetentionSettings = { [F in RetentionField as F['key']]: number }

/** The form sent the retention fieldset: then every field in it must be filled in. */
function sentRetentionFields(field: FieldContext) {
  const parent = field.parent as Record<string, unknown>
  return RETENTION_FIELDS.some(({ name }) => Object.hasOwn(parent, name))
}

const months = (min: number, max: number) =>
  vine.number().withoutDecimals().range([min, max]).optional().requiredWhen(sentRetentionFields)

/**
 * The validator's retention fields. A form without the fieldset (another
 * page, an older client) leaves the settings as they are; a form with it
 * must fill every one, so an emptied field is an error, never 0 or "forever".
 */
export const retentionValidatorFields = {
  retention_delivery_months: months(1, 120),
  retention_share_event_months: months(1, 120),
  retention_forward_months: months(0, 120),
  retention_ip_months: months(0, 120),
  retention_login_token_days: months(0, 90),
  retention_former_member_months: months(0, 120),
}

type RetentionInput = { [F in RetentionField as F['name']]?: number }

/** The validated fields as settings, or undefined when the form did not send them. */
export function retentionSettingsFrom(input: RetentionInput): RetentionSettings | undefined {
  if (RETENTION_FIELDS.some(({ name }) => input[name] === undefined)) return undefined
  return Object.fromEntries(
    RETENTION_FIELDS.map(({ name, key }) => [key, input[name]!])
  ) as RetentionSettings
}
