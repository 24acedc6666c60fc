import type { AssemblyKind } from '#assemblies/models/assembly'

/** The Danish standard agenda (domain.md), which a new ordinary assembly starts from. */
export const ORDINARY_AGENDA = [
  'Valg af dirigent, referent og stemmetællere',
  'Bestyrelsens beretning',
  'Fremlæggelse af regnskab til godkendelse',
  'Indkomne forslag',
  'Budget og fastsættelse af kontingent',
  'Valg af bestyrelse',
  'Valg af revisor',
  'Eventuelt',
]

/** An extraordinary assembly deals with what it was called for. */
export const EXTRAORDINARY_AGENDA = [
  'Valg af dirigent, referent og stemmetællere',
  'Det, generalforsamlingen er indkaldt til at behandle',
  'Eventuelt',
]

export function standardAgenda(kind: AssemblyKind) {
  return kind === 'ordinary' ? ORDINARY_AGENDA : EXTRAORDINARY_AGENDA
}

/** The item motions go under unless the board places them elsewhere. */
export const MOTIONS_ITEM_TITLE = 'Indkomne forslag'
