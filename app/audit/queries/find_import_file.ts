import db from '@adonisjs/lucid/services/db'

/** A stored import: the uploaded bytes as they came, and its changes as JSON text. */
export async function findImportFile(id: number) {
  if (!Number.isSafeInteger(id) || id < 1) return null
  const row = await db.from('import_files').where('id', id).first()
  if (!row) return null
  return {
    id: Number(row.id),
    fileName: String(row.file_name),
    sha256: String(row.sha256),
    content: Buffer.from(row.content),
    changes: String(row.changes),
  }
}
