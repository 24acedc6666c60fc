import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import MinutesSignature, {
  type SignatureRole,
  type SigningMethod,
} from '#assemblies/models/minutes_signature'
import Organisation from '#members/models/organisation'
import SendMinutesJob from '#assemblies/jobs/send_minutes_job'
import { minutesDigest } from '#assemblies/rules/minutes_digest'
import { checkSigner, type SigningRefusal } from '#assemblies/rules/minutes_signers'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'
import { supportsRowLocks } from '#shared/row_locks'

export type SignMinutesResult = {
  status: 'signed' | 'locked' | 'already_signed' | 'no_draft' | 'changed' | SigningRefusal
}

export type Signer = {
  email: string
  method: SigningMethod
  userId: number | null
}

/**
 * The dirigent or the referent signs one version of the minutes: only the
 * person the assembly names for the role, and only the text they were
 * shown (`seenHash`, when the form carried it). The signature keeps who,
 * when, how and the SHA-256 of exactly that version; with both signatures
 * the version is locked and sent to the members.
 */
export class SignMinutes {
  async handle(
    input: { minutesId: number; role: SignatureRole; seenHash: string | null },
    signer: Signer,
    actor: Actor
  ): Promise<SignMinutesResult> {
    let result: SignMinutesResult
    try {
      result = await db.transaction(async (trx): Promise<SignMinutesResult> => {
        // Locked: a save or the other signature waits, so "both signed" is seen exactly once.
        const minutesQuery = Minutes.query({ client: trx }).where('id', input.minutesId)
        if (supportsRowLocks(trx)) minutesQuery.forUpdate()
        const minutes = await minutesQuery.firstOrFail()
        if (minutes.status !== 'draft') return { status: 'no_draft' }
        const hash = minutesDigest({
          assemblyId: minutes.assemblyId,
          version: minutes.version,
          content: minutes.content,
        })
        if (input.seenHash !== null && input.seenHash !== hash) return { status: 'changed' }
        const assembly = await Assembly.findOrFail(minutes.assemblyId, { client: trx })
        const signatures = await MinutesSignature.query({ client: trx }).where(
          'minutes_id',
          minutes.id
        )
        if (signatures.some((signature) => signature.role === input.role)) {
          return { status: 'already_signed' }
        }
        const name = input.role === 'dirigent' ? minutes.content.dirigent : minutes.content.referent
        const refusal = checkSigner({
          role: input.role,
          holderName: name,
          holderEmail: input.role === 'dirigent' ? assembly.dirigentEmail : assembly.referentEmail,
          signerEmail: signer.email,
          otherRoleSignedBy: signatures[0]?.signerEmail ?? null,
        })
        if (refusal) return { status: refusal }
        await MinutesSignature.create(
          {
            minutesId: minutes.id,
            role: input.role,
            name: name!,
            signedBy: actor.label,
            signerEmail: signer.email.trim().toLowerCase(),
            method: signer.method,
            userId: signer.userId,
            contentHash: hash,
            signedAt: DateTime.now(),
          },
          { client: trx }
        )
        const complete = signatures.length + 1 === 2
        minutes.merge({ contentHash: hash })
        if (complete) minutes.merge({ status: 'signed', lockedAt: DateTime.now() })
        await minutes.useTransaction(trx).save()
        await recordAuditEvent(trx, actor, {
          module: 'assemblies',
          action: 'minutes.signed',
          details: {
            assembly: assembly.title,
            version: minutes.version,
            role: input.role,
            name: name!,
            method: signer.method,
            hash,
          },
          subject: { type: 'assembly', id: assembly.id },
        })
        return { status: complete ? 'locked' : 'signed' }
      })
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'already_signed' }
      throw error
    }
    if (result.status === 'locked') {
      const members = await Organisation.query().where('status', 'active').select('id')
      for (const member of members) {
        await SendMinutesJob.dispatch({ minutesId: input.minutesId, organisationId: member.id })
      }
    }
    return result
  }
}
