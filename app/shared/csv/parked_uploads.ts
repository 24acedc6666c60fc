import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

/**
 * An uploaded file waits here between an import's preview and its
 * confirmation, so that what was previewed is exactly what is imported.
 */
const FOLDER = 'imports'
const ID = /^[0-9a-f-]{36}$/

/** A preview nobody confirmed within a day is not coming back: its file goes. */
export const PARKED_FOR_MS = 24 * 60 * 60 * 1000

export async function parkUpload(tmpPath: string) {
  const id = randomUUID()
  await mkdir(app.tmpPath(FOLDER), { recursive: true })
  await copyFile(tmpPath, app.tmpPath(FOLDER, `${id}.csv`))
  await discardAbandonedUploads()
  return id
}

export async function readParkedUpload(id: string): Promise<Buffer | null> {
  if (!ID.test(id)) return null
  try {
    return await readFile(app.tmpPath(FOLDER, `${id}.csv`))
  } catch {
    return null
  }
}

export async function discardParkedUpload(id: string) {
  if (ID.test(id)) await rm(app.tmpPath(FOLDER, `${id}.csv`), { force: true })
}

/** Removes the files of previews left unconfirmed; each new upload tidies up after the old ones. */
export async function discardAbandonedUploads(now = Date.now()) {
  const folder = app.tmpPath(FOLDER)
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const path = app.tmpPath(FOLDER, name)
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: now }))
    if (now - mtimeMs > PARKED_FOR_MS) await rm(path, { force: true })
  }
}
