import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Where a request's files wait while it is handled; nothing stays after it. */
export const UPLOAD_FOLDER = 'uploads'

/**
 * Multipart bodies are read only here: on a route that takes files, after
 * the session, the CSRF check and the login have passed (the bodyparser
 * leaves every multipart body unread), up to the route's own limit. The
 * files are deleted when the request ends, however it ends: what is kept
 * (a logo, an import waiting for confirmation) is copied by the action.
 * A form that uploads sends its CSRF token in the action's query string,
 * since the body is not read before the check.
 */
export default class UploadMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { limit: string }) {
    if (ctx.request.bodyType !== 'multipart' || !ctx.request.multipart) return next()
    const written: string[] = []
    const folder = app.tmpPath(UPLOAD_FOLDER)
    try {
      await mkdir(folder, { recursive: true })
      ctx.request.multipart.onFile('*', { deferValidations: true }, async (part, reportChunk) => {
        const tmpPath = `${folder}/${randomUUID()}`
        written.push(tmpPath)
        // Counted as it arrives, so the size rules and the limit see every byte.
        part.pause()
        part.on('data', reportChunk)
        await pipeline(part, createWriteStream(tmpPath))
        return { tmpPath }
      })
      await ctx.request.multipart.process({ limit: options.limit })
      return await next()
    } finally {
      await Promise.all(written.map((path) => rm(path, { force: true })))
    }
  }
}
