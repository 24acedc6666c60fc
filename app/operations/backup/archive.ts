import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tar from 'tar'
import { BackupError } from '#operations/backup/backup_error'

/**
 * The archive is a gzip'd tar of a staging folder (manifest.json, tables/,
 * files/). With BACKUP_ENCRYPTION_KEY set, the whole archive is sealed with
 * AES-256-GCM: a changed byte or a wrong key then fails before anything is
 * read. The key is stretched with scrypt, so a passphrase serves as well as
 * random bytes.
 */
const MAGIC = Buffer.from('KREDS-BACKUP-AES256GCM-1\n')
const SALT_BYTES = 16
const IV_BYTES = 12
const TAG_BYTES = 16

function keyFrom(secret: string, salt: Buffer) {
  return scryptSync(secret, salt, 32)
}

export async function stagingFolder() {
  return mkdtemp(join(tmpdir(), 'kreds-backup-'))
}

/** Written beside the target and renamed into place, so a failed run never leaves half an archive under its name. */
export async function writeArchive(staging: string, file: string, secret: string | undefined) {
  const partial = `${file}.partial`
  try {
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [
      'manifest.json',
      'tables',
      'files',
    ])
    if (secret) {
      const plain = await readFile(partial)
      const salt = randomBytes(SALT_BYTES)
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', keyFrom(secret, salt), iv)
      const body = Buffer.concat([cipher.update(plain), cipher.final()])
      await writeFile(partial, Buffer.concat([MAGIC, salt, iv, body, cipher.getAuthTag()]))
    }
    await rename(partial, file)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

/** Unpacks an archive into a new temporary folder, decrypting it first when it is sealed. */
export async function extractArchive(file: string, secret: string | undefined) {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw new BackupError(`Cannot read the backup file ${file}`)
  }
  const sealed = bytes.subarray(0, MAGIC.length).equals(MAGIC)
  if (sealed) {
    if (!secret) {
      throw new BackupError(
        'The backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with'
      )
    }
    const start = MAGIC.length
    const salt = bytes.subarray(start, start + SALT_BYTES)
    const iv = bytes.subarray(start + SALT_BYTES, start + SALT_BYTES + IV_BYTES)
    const body = bytes.subarray(start + SALT_BYTES + IV_BYTES, bytes.length - TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret, salt), iv)
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    try {
      bytes = Buffer.concat([decipher.update(body), decipher.final()])
    } catch {
      throw new BackupError(
        'The backup cannot be decrypted: the key is wrong or the file is damaged'
      )
    }
  }
  const folder = await stagingFolder()
  const plain = join(folder, 'archive.tar.gz')
  const unpacked = join(folder, 'unpacked')
  try {
    await writeFile(plain, bytes)
    await import('node:fs/promises').then(({ mkdir }) => mkdir(unpacked))
    await tar.extract({ file: plain, cwd: unpacked, strict: true })
    await rm(plain)
  } catch {
    await rm(folder, { recursive: true, force: true })
    throw new BackupError(`The backup file ${file} is damaged or not a Kreds backup`)
  }
  return { folder, unpacked }
}
