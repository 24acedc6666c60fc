import vine from '@vinejs/vine'

/**
 * Only the size is checked here; what the file is, is read from its bytes
 * by the image pipeline, since a name and a browser's content type are
 * whatever the sender says.
 */
export const mediaUploadValidator = vine.create({
  image: vine.file({ size: '10mb' }),
})

/** Read aloud by screen readers and shown when a mail program blocks images. */
export const ALT_TEXT_MAX = 250

export const mediaAltTextValidator = vine.create({
  alt_text: vine.string().trim().minLength(1).maxLength(ALT_TEXT_MAX),
})
