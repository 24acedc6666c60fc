import { createHash } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ImportPlan } from '#members/actions/import_members'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * The import's one audit event, written in its transaction: the counts in
 * the log, and the uploaded file with the changes row by row kept beside
 * it for download from the log.
 */
export async function recordImportEvent(
  trx: TransactionClientContract,
  actor: Actor,
  input: { file: Buffer; fileName: string; plan: ImportPlan; resigned: string[] }
) {
  const { plans } = input.plan
  const changes = {
    organisations: plans
      .filter((plan) => plan.kind !== 'unchanged')
      .map((plan) => ({
        rows: plan.row.lines,
        name: plan.row.fields.name,
        kind: plan.kind,
        changes:
          plan.kind === 'new'
            ? []
            : plan.changes.map(({ column, from, to }) => ({ column, from, to })),
        contacts: plan.contacts
          .filter((contact) => contact.kind !== 'unchanged')
          .map((contact) => ({
            row: contact.contact.line,
            kind: contact.kind,
            name: contact.contact.name,
            email: contact.contact.email,
            changes:
              contact.kind === 'changed'
                ? contact.changes.map(({ column, from, to }) => ({ column, from, to }))
                : [],
          })),
      })),
    resigned: input.resigned,
  }
  const sha256 = createHash('sha256').update(input.file).digest('hex')
  const [id] = await trx.table('import_files').insert({
    kind: 'members',
    file_name: input.fileName,
    sha256,
    content: input.file,
    changes: JSON.stringify(changes),
    created_by: actor.label,
    created_at: sqlTimestamp(),
  })
  const count = (kind: string) => plans.filter((plan) => plan.kind === kind).length
  await recordAuditEvent(trx, actor, {
    module: 'members',
    action: 'register.imported',
    details: {
      file: input.fileName,
      sha256,
      created: count('new'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      resigned: input.resigned.length,
    },
    subject: { type: 'import_file', id: Number(id) },
  })
}
