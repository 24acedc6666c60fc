import vine from '@vinejs/vine'
import { LOCALES, ROLES } from '#identity/roles'

export const inviteStaffValidator = vine.create({
  full_name: vine.string().trim().minLength(2).maxLength(120),
  email: vine.string().trim().maxLength(254).email().toLowerCase(),
  role: vine.enum(ROLES),
  locale: vine.enum(LOCALES),
})

export const updateStaffValidator = vine.create({
  full_name: vine.string().trim().minLength(2).maxLength(120),
  role: vine.enum(ROLES),
  // An unticked checkbox sends nothing.
  is_active: vine.boolean().optional(),
})
