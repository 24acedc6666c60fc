import vine from '@vinejs/vine'

/**
 * The notice as confirmed on its page: how many members it was shown to go
 * to, and when it was last sent as the page saw it (empty: never). Optional,
 * so a post without them is led to the page rather than refused blankly.
 */
export const confirmedNoticeValidator = vine.create({
  confirm_late: vine.boolean().optional(),
  members: vine.number().withoutDecimals().min(0).optional(),
  seen_sent_at: vine.string().trim().maxLength(40).nullable().optional(),
})
