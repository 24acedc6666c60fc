import type { SignatureRole } from '#assemblies/models/minutes_signature'

export type SigningRefusal = 'no_name' | 'no_holder' | 'not_role_holder' | 'same_person'

/** Addresses compare as people type them: case and surrounding spaces do not matter. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined) {
  if (!a || !b) return false
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/**
 * Whether this signer may sign the minutes in this role. Only the person
 * the assembly named for the role signs for it, known by the address the
 * minutes give for them (their own login, or the personal link sent there);
 * one person never signs as both dirigent and referent.
 */
export function checkSigner(input: {
  role: SignatureRole
  /** The name the minutes give for the role. */
  holderName: string | null
  /** The address the assembly gives for the role. */
  holderEmail: string | null
  signerEmail: string
  /** The address that signed the other role of this version, if it is signed. */
  otherRoleSignedBy: string | null
}): SigningRefusal | null {
  if (!input.holderName) return 'no_name'
  if (!input.holderEmail) return 'no_holder'
  if (!sameAddress(input.signerEmail, input.holderEmail)) return 'not_role_holder'
  if (sameAddress(input.signerEmail, input.otherRoleSignedBy)) return 'same_person'
  return null
}
