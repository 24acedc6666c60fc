import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import AuditEvent from '#audit/models/audit_event'
import { minutesDigest } from '#assemblies/rules/minutes_digest'

export type MinutesProblem =
  /** The stored text no longer has the hash recorded for the version. */
  | 'content_changed'
  /** A signature was given to other text than the version now holds. */
  | 'signature_mismatch'
  /** A signature from before hashes were recorded: it cannot be checked. */
  | 'signature_without_hash'
  /** The audit log recorded another hash for this version's signing. */
  | 'audit_mismatch'
  /** Marked signed without both signatures. */
  | 'signatures_missing'

export type VersionCheck = {
  version: number
  status: Minutes['status']
  /** The hash of the text as it is stored now. */
  hash: string
  signatures: {
    role: string
    name: string
    signedAt: string
    method: string | null
    signerEmail: string | null
    hash: string | null
  }[]
  problems: MinutesProblem[]
}

export type MinutesVerification = {
  assembly: { id: number; title: string }
  versions: VersionCheck[]
  /** intact: every signed text is as it was signed; tampered: one is not; unverifiable: old signatures only. */
  verdict: 'intact' | 'tampered' | 'unverifiable' | 'unsigned'
}

const UNVERIFIABLE: MinutesProblem[] = ['signature_without_hash']

/**
 * Recomputes the hash of every signed version of an assembly's minutes from
 * the text stored now, and compares it with what each signature, the
 * version and the audit log recorded when it was signed.
 */
export async function verifyMinutes(assemblyId: number): Promise<MinutesVerification | null> {
  const assembly = await Assembly.find(assemblyId)
  if (!assembly) return null
  const versions = await Minutes.query()
    .where('assembly_id', assembly.id)
    .preload('signatures', (query) => query.orderBy('signed_at'))
    .orderBy('version')
  const signingEvents = await AuditEvent.query()
    .where('subject_type', 'assembly')
    .where('subject_id', String(assembly.id))
    .where('action', 'minutes.signed')

  const checks = versions
    .filter((minutes) => minutes.signatures.length > 0 || minutes.status === 'signed')
    .map((minutes): VersionCheck => {
      const hash = minutesDigest(minutes)
      const problems = new Set<MinutesProblem>()
      if (minutes.contentHash && minutes.contentHash !== hash) problems.add('content_changed')
      if (minutes.status === 'signed' && minutes.signatures.length < 2) {
        problems.add('signatures_missing')
      }
      for (const signature of minutes.signatures) {
        if (!signature.contentHash) problems.add('signature_without_hash')
        else if (signature.contentHash !== hash) problems.add('signature_mismatch')
      }
      for (const event of signingEvents) {
        const details = event.details as Record<string, unknown>
        if (Number(details.version) !== minutes.version || typeof details.hash !== 'string')
          continue
        if (details.hash !== hash) problems.add('audit_mismatch')
      }
      return {
        version: minutes.version,
        status: minutes.status,
        hash,
        signatures: minutes.signatures.map((signature) => ({
          role: signature.role,
          name: signature.name,
          signedAt: signature.signedAt.toISO()!,
          method: signature.method,
          signerEmail: signature.signerEmail,
          hash: signature.contentHash,
        })),
        problems: [...problems],
      }
    })

  const problems = checks.flatMap((check) => check.problems)
  const verdict =
    checks.length === 0
      ? 'unsigned'
      : problems.some((problem) => !UNVERIFIABLE.includes(problem))
        ? 'tampered'
        : problems.length
          ? 'unverifiable'
          : 'intact'
  return { assembly: { id: assembly.id, title: assembly.title }, versions: checks, verdict }
}
