import Assembly from '#assemblies/models/assembly'
import { orWhereSearch } from '#shared/search_text'

/**
 * All assemblies, newest first; with a search word, those whose title,
 * motions or minutes mention it (minutes hold the notes and the results),
 * case, accents and æøå ignored (see #shared/search_text).
 */
export async function searchAssemblies(q: string) {
  const query = Assembly.query().orderBy('starts_at', 'desc')
  if (!q.trim()) return query
  return query.where((match) => {
    orWhereSearch(match, 'assemblies.search_text', q)
    match
      .orWhereExists((motions) =>
        motions
          .from('motions')
          .whereColumn('motions.assembly_id', 'assemblies.id')
          .where((text) => orWhereSearch(text, 'motions.search_text', q))
      )
      .orWhereExists((minutes) =>
        minutes
          .from('minutes')
          .whereColumn('minutes.assembly_id', 'assemblies.id')
          .where((text) => orWhereSearch(text, 'minutes.search_text', q))
      )
  })
}
