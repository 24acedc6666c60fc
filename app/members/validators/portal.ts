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
