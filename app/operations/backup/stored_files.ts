import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'

/**
 * The files Kreds keeps outside the database, relative to the app's root:
 * storage/ (the newsletters' media library) and the association's logo.
 * Import files and minutes live in the database and come with its rows.
 * Parked CSV uploads under tmp/ are a form's state and are left out.
 */
export const STORED_FOLDERS = ['storage', 'tmp/uploads/association']

export type StoredFile = { path: string; size: number; sha256: string }

export async function sha256OfFile(path: string) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    // A media upload is written into .incoming-<key> and renamed when complete.
    if (entry.name.startsWith('.incoming-')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await walk(path)))
    else if (entry.isFile()) found.push(path)
  }
  return found
}

function portablePath(root: string, path: string) {
  return relative(root, path).split(sep).join('/')
}

/** Copies every stored file into the staging folder's files/ and describes it by the copy. */
export async function stageStoredFiles(root: string, staging: string) {
  const files: StoredFile[] = []
  for (const folder of STORED_FOLDERS) {
    for (const path of await walk(join(root, folder))) {
      const name = portablePath(root, path)
      const target = join(staging, 'files', name)
      await mkdir(dirname(target), { recursive: true })
      try {
        await copyFile(path, target)
      } catch (error) {
        // Deleted since it was listed: the snapshot already no longer needs it.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      const { size } = await stat(target)
      files.push({ path: name, size, sha256: await sha256OfFile(target) })
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1))
}

export function isStoredPath(name: string) {
  return (
    !name.split('/').includes('..') &&
    STORED_FOLDERS.some((folder) => name.startsWith(`${folder}/`))
  )
}

export async function countStoredFiles(root: string) {
  let total = 0
  for (const folder of STORED_FOLDERS) {
    const files = await walk(join(root, folder))
    total += files.length
  }
  return total
}

export async function emptyStoredFolders(root: string) {
  for (const folder of STORED_FOLDERS) {
    await rm(join(root, folder), { recursive: true, force: true })
  }
}

export async function placeStoredFile(unpacked: string, root: string, name: string) {
  const target = join(root, name)
  await mkdir(dirname(target), { recursive: true })
  await copyFile(join(unpacked, 'files', name), target)
}
