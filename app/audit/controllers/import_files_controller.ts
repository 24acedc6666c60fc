import type { HttpContext } from '@adonisjs/core/http'
import AuditPolicy from '#audit/policies/audit_policy'
import { findImportFile } from '#audit/queries/find_import_file'

/** The file an import read, and the changes it made row by row, as the audit log links them. */
export default class ImportFilesController {
  async file({ params, response, bouncer }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const stored = await findImportFile(Number(params.id))
    if (!stored) return response.notFound()
    response.header('content-type', 'application/octet-stream')
    response.attachment(stored.fileName)
    return response.send(stored.content)
  }

  async changes({ params, response, bouncer }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const stored = await findImportFile(Number(params.id))
    if (!stored) return response.notFound()
    response.header('content-type', 'application/json; charset=utf-8')
    response.header(
      'content-disposition',
      `attachment; filename="import-${stored.id}-aendringer.json"`
    )
    return response.send(stored.changes)
  }
}
