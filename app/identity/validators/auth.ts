import vine from '@vinejs/vine'
import { LOCALES } from '#identity/roles'

const email = () => vine.string().trim().maxLength(254).email().toLowerCase()
const newPassword = () => vine.string().minLength(10).maxLength(200).confirmed()

export const loginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(200),
})

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  password: newPassword(),
})

export const changePasswordValidator = vine.create({
  current_password: vine.string().maxLength(200),
  password: newPassword(),
})

export const localeValidator = vine.create({
  locale: vine.enum(LOCALES),
})
