import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

/**
 * An uploaded file waits here between an import's preview and its
 * confirmation, so that what was previewed is exactly what is imported.
 */
const FOLDER = 'imports'
const ID = /^[0-9a-f-]{36}$/

export async function parkUpload(tmpPath: string) {
  const id = randomUUID()
  await mkdir(app.tmpPath(FOLDER), { recursive: true })
  await copyFile(tmpPath, app.tmpPath(FOLDER, `${id}.csv`))
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
