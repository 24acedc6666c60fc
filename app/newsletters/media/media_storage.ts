import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { MEDIA_FILE_PARAM, MEDIA_KEY_PARAM } from '#newsletters/media/media_params'
import type { ProcessedImage } from '#newsletters/media/image_pipeline'

/**
 * The library's files: storage/media/<key>/<width>.<ext>. Not under tmp/,
 * because images in sent mail must keep working for years. Tests roll their
 * rows back but not files, so theirs go to tmp/ instead of a developer's
 * library.
 */
export function mediaRoot() {
  return app.inTest ? app.tmpPath('test-media') : app.makePath('storage', 'media')
}

export function newMediaKey() {
  return randomBytes(16).toString('hex')
}

function folderOf(key: string) {
  // Checked here too, so no caller can make a path outside the media folder.
  if (!MEDIA_KEY_PARAM.test(key)) throw new Error('Not a media key')
  return join(mediaRoot(), key)
}

export function variantFileName(width: number, ext: string) {
  return `${width}.${ext}`
}

/** The file on disk for a public address; null when the address has the wrong shape. */
export function mediaFilePath(key: string, file: string) {
  if (!MEDIA_KEY_PARAM.test(key) || !MEDIA_FILE_PARAM.test(file)) return null
  return join(folderOf(key), file)
}

/**
 * Written into a hidden folder first and renamed into place, so the public
 * address never serves a half-written file.
 */
export async function writeVariants(key: string, image: ProcessedImage) {
  const folder = folderOf(key)
  const incoming = join(mediaRoot(), `.incoming-${key}`)
  await mkdir(incoming, { recursive: true })
  try {
    for (const variant of image.variants) {
      const name = variantFileName(variant.width, image.stored.ext)
      await writeFile(join(incoming, name), variant.bytes)
    }
    await rename(incoming, folder)
  } catch (error) {
    await rm(incoming, { recursive: true, force: true })
    throw error
  }
}

export async function removeVariants(key: string) {
  await rm(folderOf(key), { recursive: true, force: true })
}
