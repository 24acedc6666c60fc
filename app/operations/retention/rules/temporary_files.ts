import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { PARKED_FOR_MS } from '#shared/csv/parked_uploads'
import { UPLOAD_FOLDER } from '#middleware/upload_middleware'

/**
 * Folders under tmp/ that hold only passing files: previews waiting for a
 * confirmation and a request's uploads. The logo and imported bank files
 * kept for the audit trail live in other folders and are never touched.
 */
export const TEMPORARY_FOLDERS = ['imports', UPLOAD_FOLDER]

/** Files (not folders) last written more than a day ago. */
export async function removeTemporaryFiles(tmpRoot: string, now: number) {
  let removed = 0
  for (const folder of TEMPORARY_FOLDERS) {
    const path = join(tmpRoot, folder)
    const entries = await readdir(path, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const file = join(path, entry.name)
      const info = await stat(file).catch(() => null)
      if (!info || now - info.mtimeMs <= PARKED_FOR_MS) continue
      await rm(file, { force: true })
      removed++
    }
  }
  return removed
}
