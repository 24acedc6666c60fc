import { stat } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { mediaFilePath } from '#newsletters/media/media_storage'

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' }

/**
 * A library image at its public address, as sent mail links to it: no
 * login, and kept by every cache for a year, since a key's files never
 * change (a new upload gets a new key).
 */
export default class MediaFilesController {
  async show({ params, response }: HttpContext) {
    const path = mediaFilePath(params.key, params.file)
    const found = path ? await stat(path).catch(() => null) : null
    if (!path || !found?.isFile()) return response.notFound()
    const ext = String(params.file).split('.').pop()!
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('Content-Type', TYPES[ext])
    response.header('X-Content-Type-Options', 'nosniff')
    return response.download(path)
  }
}
