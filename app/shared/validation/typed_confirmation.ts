import vine from '@vinejs/vine'

/** A word typed to confirm what cannot be undone; compared without regard to case. */
export const typedConfirmationValidator = vine.create({
  confirmation: vine.string().trim().maxLength(50).optional(),
})

export function typedMatches(typed: string | undefined, word: string) {
  return (typed ?? '').trim().toLocaleUpperCase('da') === word
}
