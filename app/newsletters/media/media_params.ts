/**
 * The shapes of a media file's public address, /media/<key>/<width>.<ext>.
 * Anything else is not matched (404), so no path built from a parameter can
 * leave the media folder.
 */

/** 128 random bits in hex. */
export const MEDIA_KEY_PARAM = /^[0-9a-f]{32}$/

/** One of the stored widths, in one of the stored types. */
export const MEDIA_FILE_PARAM = /^(600|1200)\.(jpg|png)$/

export const mediaKey = { match: MEDIA_KEY_PARAM }
export const mediaFile = { match: MEDIA_FILE_PARAM }
