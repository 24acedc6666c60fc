import vine from '@vinejs/vine'
import { MJML_LIMITS } from '#newsletters/mjml/limits'
// As the save's limit (validators/newsletters): blocks JSON is about twice its MJML.
const BLOCKS_JSON_LIMIT = MJML_LIMITS.maxLength * 2

/** The live preview's input: the subject too, since the checks beside the preview need it. */
export const composerPreviewValidator = vine.create({
  // Room beyond the limit, so that the composer says by how much a text is too long.
  body_mjml: vine
    .string()
    .maxLength(MJML_LIMITS.maxLength * 5)
    .optional(),
  blocks: vine.string().maxLength(BLOCKS_JSON_LIMIT).optional(),
  subject: vine.string().trim().maxLength(200).optional(),
  preheader: vine.string().trim().maxLength(200).optional(),
})

export const presenceValidator = vine.create({
  /** Sent as the page is left, so the others' warning goes away at once. */
  leaving: vine.boolean().optional(),
})

export const restoreVersionValidator = vine.create({
  version: vine.number().withoutDecimals().positive(),
})
