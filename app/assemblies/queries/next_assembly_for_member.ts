import { DateTime } from 'luxon'
import Assembly from '#assemblies/models/assembly'
import { currentAssemblyLink } from '#assemblies/links'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * The coming assembly a member can see (notice sent or meeting open), with
 * its motions (those on the agenda, and the organisation's own even before
 * the board has placed them), and the organisation's personal voting link
 * while it can be used: from the notice until the assembly is closed.
 */
export async function nextAssemblyForMember(organisationId: number) {
  const assembly = await Assembly.query()
    .where((scope) =>
      scope
        .where('status', 'open')
        .orWhere((noticed) =>
          noticed
            .where('status', 'notice_sent')
            .where('starts_at', '>=', sqlTimestamp(DateTime.now().minus({ days: 1 })))
        )
    )
    .orderBy('starts_at', 'asc')
    .preload('motions', (motions) =>
      motions.where('status', 'submitted').orderBy('submitted_at').preload('organisation')
    )
    .first()
  if (!assembly) return null
  return {
    assembly,
    motions: assembly.motions.filter(
      (motion) => motion.agendaItemId !== null || motion.organisationId === organisationId
    ),
    votingLink: await currentAssemblyLink(assembly.id, organisationId),
  }
}
