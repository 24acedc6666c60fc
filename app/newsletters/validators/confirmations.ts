import vine from '@vinejs/vine'
import { sendFields } from '#newsletters/validators/newsletters'

/**
 * The send as confirmed on its confirmation page: the digest of the readers
 * shown and how many they were. Both are optional here so that a send
 * without them is led to the confirmation page rather than refused blankly.
 */
export const confirmedSendValidator = vine.create({
  ...sendFields,
  fingerprint: vine
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  recipients: vine.number().withoutDecimals().min(0).optional(),
  confirm_large: vine.boolean().optional(),
})
