import vine from '@vinejs/vine'

const sendFields = {
  when: vine.enum(['now', 'later']),
  send_at: vine
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .optional()
    .requiredWhen('when', '=', 'later'),
  rate: vine.number().withoutDecimals().range([1, 10000]).nullable().optional(),
}

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
