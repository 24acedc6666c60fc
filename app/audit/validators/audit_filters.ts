import vine from '@vinejs/vine'

export const auditFiltersValidator = vine.create({
  actor: vine.string().trim().maxLength(254).optional(),
  module: vine.string().trim().maxLength(30).optional(),
  organisation: vine.number().withoutDecimals().min(1).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})
