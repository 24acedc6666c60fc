import vine from '@vinejs/vine'
import { eanRule } from '#shared/validation/rules'

export const memberLinkValidator = vine.create({
  email: vine.string().trim().maxLength(254).email().toLowerCase(),
})

/** What a member may change about its own organisation: not name, status or tier. */
export const portalOrganisationValidator = vine.create({
  address: vine.string().trim().maxLength(200).optional(),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .optional(),
  city: vine.string().trim().maxLength(80).optional(),
  website: vine.string().trim().maxLength(200).url({ require_protocol: false }).optional(),
  ean: vine.string().trim().use(eanRule()).optional(),
})

export const nameChangeValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(200),
})

export const nameChangeDecisionValidator = vine.create({
  decision: vine.enum(['approve', 'reject'] as const),
})
