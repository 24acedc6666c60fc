/**
 * What the assembly's PDFs show, as plain data: the notice (indkaldelse),
 * the voting register (stemmeliste) and the minutes (referat). Dates are
 * ISO strings; times are shown in Danish time.
 */
export type AssociationBlock = {
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  cvr: string | null
  email: string | null
}

export type AssemblyBlock = {
  title: string
  kind: 'ordinary' | 'extraordinary'
  /** ISO date-time with offset. */
  startsAt: string
  place: string | null
  meetingUrl: string | null
  /** ISO date. */
  motionDeadline: string | null
  requestedBy: string | null
}

export type MotionBlock = {
  title: string
  body: string
  changesStatutes: boolean
  /** The organisation's name, or "Bestyrelsen". */
  submittedBy: string
}

export type NoticeDocument = {
  association: AssociationBlock
  assembly: AssemblyBlock
  agenda: { position: number; title: string; description: string | null; motions: MotionBlock[] }[]
  /** ISO date-time the notice was sent. */
  sentAt: string
}

export type RegisterRow = {
  organisation: string
  present: boolean
  representative: string | null
  /** The organisation this one gave its proxy to. */
  proxyTo: string | null
  /** Organisations whose proxies this one holds. */
  proxiesFrom: string[]
  mayVote: boolean
  /** Why it may or may not vote, in Danish ("ikke betalt", "fritaget"); null when it has paid. */
  reason: string | null
  votes: number
}

export type VotingRegisterDocument = {
  association: AssociationBlock
  assembly: AssemblyBlock
  rows: RegisterRow[]
  totals: { members: number; entitled: number; present: number; represented: number; votes: number }
  /** ISO date-time the register was printed. */
  printedAt: string
}

export type BallotResultBlock = {
  question: string
  secret: boolean
  method: 'electronic' | 'show_of_hands'
  /** Lines such as "For: 5", "Imod: 1", "Blanke: 1", "Vedtaget med simpelt flertal". */
  lines: string[]
}

export type MinutesDocument = {
  association: AssociationBlock
  assembly: AssemblyBlock
  version: number
  /** ISO date-times. */
  openedAt: string | null
  closedAt: string | null
  dirigent: string | null
  referent: string | null
  /** The dirigent's statement that the assembly was lawfully called and quorate. */
  statement: string
  attendance: RegisterRow[]
  items: {
    position: number
    title: string
    notes: string | null
    motions: MotionBlock[]
    ballots: BallotResultBlock[]
  }[]
  signatures: {
    role: 'dirigent' | 'referent'
    name: string
    signedAt: string
    /** Own login or personal link; null for signatures older than the record of it. */
    method: 'login' | 'link' | null
  }[]
  /**
   * What the signatures are bound to: the SHA-256 of the version's signed
   * text, and that text itself, embedded in the PDF so a reader can check it.
   */
  seal: { hash: string; signedText: string } | null
}
