import vine from '@vinejs/vine'

export const subscribeValidator = vine.create({
  email: vine.string().trim().maxLength(254).email().toLowerCase(),
  name: vine.string().trim().maxLength(120).optional(),
  // Ticking the box is the consent; the form shows the text it refers to.
  consent: vine.accepted(),
})

export const listValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{2,60}$/),
  description: vine.string().trim().maxLength(500).optional(),
  is_public: vine.boolean().optional(),
  consent_text: vine.string().trim().minLength(20).maxLength(5000),
})

export const subscriberFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(200).optional(),
  list: vine.number().withoutDecimals().optional(),
  status: vine.enum(['pending', 'active', 'unsubscribed', 'suppressed'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})

export const issueValidator = vine.create({
  subject: vine.string().trim().minLength(2).maxLength(200),
  preheader: vine.string().trim().maxLength(200).optional(),
  body_mjml: vine.string().minLength(1).maxLength(500_000),
  lists: vine
    .array(vine.number().withoutDecimals().exists({ table: 'newsletter_lists', column: 'id' }))
    .optional(),
})

export const previewValidator = vine.create({
  body_mjml: vine.string().maxLength(500_000),
  preheader: vine.string().trim().maxLength(200).optional(),
})
