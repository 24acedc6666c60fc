import vine from '@vinejs/vine'
import { contrastRatio, parseColour } from '#shared/colours'
import { cvrRule } from '#shared/validation/rules'
import { isValidFiCreditorNumber, normaliseFiCreditorNumber } from '#dues/rules/fik_payment_id'
import { retentionValidatorFields } from '#operations/retention/retention_settings'

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()

/** An FI creditor number as the bank writes it ("8123 4567"), kept as its 8 digits. */
const fiCreditorRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!isValidFiCreditorNumber(value)) {
    field.report('Et FI-kreditornummer er 8 cifre og begynder med 8.', 'fi_creditor', field)
    return
  }
  field.mutate(normaliseFiCreditorNumber(value), field)
})

/** White text must stay readable on the brand colour (WCAG 2.1 AA, 4.5:1): it is the buttons' colour. */
const brandColourRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const colour = parseColour(value)
  if (!/^#[0-9a-f]{6}$/i.test(value) || !colour) {
    field.report('Skriv farven som #rrggbb, fx #1f5c99.', 'brand_colour', field)
    return
  }
  const ratio = contrastRatio(colour, [255, 255, 255])
  if (ratio < 4.5) {
    field.report(
      `Hvid tekst på farven har kontrasten ${ratio.toFixed(1).replace('.', ',')}:1; vælg en mørkere farve (mindst 4,5:1).`,
      'brand_colour_contrast',
      field
    )
    return
  }
  field.mutate(value.toLowerCase(), field)
})

export const settingsValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(160),
  cvr: vine.string().trim().use(cvrRule()).optional(),
  address: optionalText(200),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .optional(),
  city: optionalText(80),
  email: vine.string().trim().maxLength(254).email().optional(),
  phone: optionalText(30),
  bank_reg_no: vine
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .optional(),
  bank_account_no: vine
    .string()
    .trim()
    .regex(/^\d{1,10}$/)
    .optional(),
  fi_creditor_no: vine.string().trim().use(fiCreditorRule()).optional(),
  founded_on: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  brand_colour: vine.string().trim().use(brandColourRule()).optional(),
  logo: vine.file({ size: '1mb', extnames: ['png', 'jpg', 'jpeg', 'svg'] }).optional(),
  remove_logo: vine.boolean().optional(),

  notice_days: vine.number().withoutDecimals().range([1, 90]),
  motion_deadline_days: vine.number().withoutDecimals().range([0, 60]),
  proxies_per_organisation: vine.number().withoutDecimals().range([0, 10]),
  // An unticked checkbox sends nothing.
  unpaid_dues_remove_voting_right: vine.boolean().optional(),
  dues_grace_months: vine.number().withoutDecimals().range([0, 12]),
  votes_when_not_invoiced: vine.boolean().optional(),
  votes_when_dues_not_due: vine.boolean().optional(),
  extraordinary_request_percent: vine.number().withoutDecimals().range([1, 100]),
  vat_exempt: vine.boolean().optional(),
  vat_exemption_text: vine
    .string()
    .trim()
    .maxLength(300)
    .optional()
    .requiredWhen((field) => ['1', 'true', 'on', 1, true].includes(field.parent.vat_exempt)),

  ...retentionValidatorFields,
})
