import type Minutes from '#assemblies/models/minutes'
import type { MinutesDocument } from '#assemblies/documents/assembly_documents'

/** A version of the minutes with its signatures, as the PDF shows it. */
export function minutesDocument(minutes: Minutes): MinutesDocument {
  return {
    ...minutes.content,
    version: minutes.version,
    signatures: (minutes.signatures ?? []).map((signature) => ({
      role: signature.role,
      name: signature.name,
      signedAt: signature.signedAt.toISO()!,
    })),
  }
}
