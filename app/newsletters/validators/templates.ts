import vine from '@vinejs/vine'
import { BUILTIN_TEMPLATE_KEYS } from '#newsletters/blocks/builtin_templates'

/** A built-in template by its key, or a saved one as `saved-<id>`. */
export const startIssueValidator = vine.create({
  template: vine
    .string()
    .regex(new RegExp(`^(?:${BUILTIN_TEMPLATE_KEYS.join('|')}|saved-\\d{1,9})$`)),
})

export const templateValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  description: vine.string().trim().maxLength(300).optional(),
})
