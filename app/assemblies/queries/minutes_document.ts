import type Minutes from '#assemblies/models/minutes'
import type { MinutesDocument } from '#assemblies/documents/assembly_documents'
import { minutesDigest, signedMinutesText } from '#assemblies/rules/minutes_digest'

/**
 * A version of the minutes with its signatures, as the PDF shows it. The
 * seal is computed from the stored content, never copied from the stored
 * hash: a PDF of a tampered version prints a hash that no signature carries.
 */
export function minutesDocument(minutes: Minutes): MinutesDocument {
  const signed = {
    assemblyId: minutes.assemblyId,
    version: minutes.version,
    content: minutes.content,
  }
  return {
    ...minutes.content,
    version: minutes.version,
    signatures: (minutes.signatures ?? []).map((signature) => ({
      role: signature.role,
      name: signature.name,
      signedAt: signature.signedAt.toISO()!,
      method: signature.method,
    })),
    seal: { hash: minutesDigest(signed), signedText: signedMinutesText(signed) },
  }
}
