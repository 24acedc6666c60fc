import Assembly from '#assemblies/models/assembly'

/**
 * All assemblies, newest first; with a search word, those whose title,
 * motions or minutes mention it (minutes hold the notes and the results).
 */
export async function searchAssemblies(q: string) {
  const query = Assembly.query().orderBy('starts_at', 'desc')
  if (!q) return query
  const like = `%${q.toLowerCase()}%`
  return query.where((match) =>
    match
      .whereRaw('LOWER(title) LIKE ?', [like])
      .orWhereExists((motions) =>
        motions
          .from('motions')
          .whereColumn('motions.assembly_id', 'assemblies.id')
          .where((text) =>
            text
              .whereRaw('LOWER(motions.title) LIKE ?', [like])
              .orWhereRaw('LOWER(motions.body) LIKE ?', [like])
          )
      )
      .orWhereExists((minutes) =>
        minutes
          .from('minutes')
          .whereColumn('minutes.assembly_id', 'assemblies.id')
          .whereRaw('LOWER(minutes.content) LIKE ?', [like])
      )
  )
}
