import vine from '@vinejs/vine'
import { ORGANISATION_TYPES, TYPES_REQUIRING_EAN, MEMBERSHIP_STATUSES } from '#members/membership'
import { cvrRule, eanRule } from '#shared/validation/rules'
import { ORGANISATION_SORTS } from '#members/queries/list_organisations'

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()

/** The organisation's details, shared by the board's forms. */
export const organisationFields = {
  name: vine.string().trim().minLength(2).maxLength(200),
  type: vine.enum(ORGANISATION_TYPES),
  legal_form: optionalText(80),
  cvr: vine.string().trim().use(cvrRule()).optional(),
  ean: vine
    .string()
    .trim()
    .use(eanRule())
    .optional()
    .requiredWhen((field) => TYPES_REQUIRING_EAN.includes(field.parent.type)),
  address: optionalText(200),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .optional(),
  city: optionalText(80),
  website: vine.string().trim().maxLength(200).url({ require_protocol: false }).optional(),
  tier_id: vine.number().withoutDecimals().exists({ table: 'tiers', column: 'id' }).optional(),
  notes: optionalText(5000),
  invoice_reference: optionalText(100),
}

export const createOrganisationValidator = vine.create({
  ...organisationFields,
  status: vine.enum(['applicant', 'active'] as const),
  joined_on: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  contact_name: vine.string().trim().minLength(2).maxLength(120),
  contact_email: vine.string().trim().maxLength(254).email().toLowerCase(),
  contact_phone: optionalText(30),
})

export const updateOrganisationValidator = vine.create(organisationFields)

export const statusChangeValidator = vine.create({
  to: vine.enum(MEMBERSHIP_STATUSES),
  changed_on: vine.date({ formats: ['YYYY-MM-DD'] }),
  reason: vine.string().trim().minLength(3).maxLength(500),
})

export const contactValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  title: optionalText(120),
  email: vine.string().trim().maxLength(254).email().toLowerCase().optional(),
  phone: optionalText(30),
  // Unticked boxes send nothing.
  is_primary: vine.boolean().optional(),
  is_billing: vine.boolean().optional(),
  is_delegate: vine.boolean().optional(),
  is_newsletter: vine.boolean().optional(),
})

export const organisationFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(200).optional(),
  type: vine.enum(ORGANISATION_TYPES).optional(),
  status: vine.enum(MEMBERSHIP_STATUSES).optional(),
  tier: vine.number().withoutDecimals().optional(),
  sort: vine.enum(ORGANISATION_SORTS).optional(),
  direction: vine.enum(['asc', 'desc'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})

/** The public application form: the organisation, who to write to, and why. */
export const applicationValidator = vine.create({
  name: organisationFields.name,
  type: organisationFields.type,
  cvr: organisationFields.cvr,
  ean: organisationFields.ean,
  address: organisationFields.address,
  postcode: organisationFields.postcode,
  city: organisationFields.city,
  website: organisationFields.website,
  message: optionalText(2000),
  contact_name: vine.string().trim().minLength(2).maxLength(120),
  contact_email: vine.string().trim().maxLength(254).email().toLowerCase(),
  contact_phone: optionalText(30),
})
