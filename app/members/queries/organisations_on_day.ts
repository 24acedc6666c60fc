import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Organisation from '#members/models/organisation'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import { statusOnDay, type MembershipStatus } from '#members/membership'

export type OrganisationOnDay = {
  organisation: Organisation
  /** Its membership status that day; null when it did not yet exist. */
  statusOnDay: MembershipStatus | null
}

/**
 * The organisations that were active members on a day (ISO date), with
 * their status that day, plus any others asked for by id (those checked
 * in at an assembly, say) whatever their status. With `onlyIds`, just
 * those. In name order.
 */
export async function organisationsOnDay(
  day: string,
  options: { alsoIds?: number[]; onlyIds?: number[]; client?: QueryClientContract } = {}
): Promise<OrganisationOnDay[]> {
  const client = options.client ?? db.connection()
  const alsoIds = options.alsoIds ?? []
  const query = Organisation.query({ client })
  if (options.onlyIds) {
    query.whereIn('id', options.onlyIds)
  } else {
    // Every organisation that may have been active that day; the history then decides.
    query.where((candidates) =>
      candidates
        .where('status', 'active')
        .orWhere('left_on', '>', day)
        .orWhereIn(
          'id',
          client
            .from('organisation_status_changes')
            .where('to_status', 'active')
            .where('changed_on', '<=', day)
            .select('organisation_id')
        )
        .orWhereIn('id', alsoIds)
    )
  }
  const organisations = await query.orderBy('name').orderBy('id')
  const history = organisations.length
    ? await OrganisationStatusChange.query({ client })
        .whereIn(
          'organisation_id',
          organisations.map((organisation) => organisation.id)
        )
        .orderBy('id')
    : []
  const historyOf = new Map<number, OrganisationStatusChange[]>()
  for (const change of history) {
    const changes = historyOf.get(change.organisationId) ?? []
    changes.push(change)
    historyOf.set(change.organisationId, changes)
  }

  const asked = new Set([...alsoIds, ...(options.onlyIds ?? [])])
  return organisations
    .map((organisation) => ({
      organisation,
      statusOnDay: statusOnDay(
        day,
        {
          status: organisation.status,
          joinedOn: organisation.joinedOn?.toISODate() ?? null,
          leftOn: organisation.leftOn?.toISODate() ?? null,
        },
        (historyOf.get(organisation.id) ?? []).map((change) => ({
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          changedOn: change.changedOn.toISODate()!,
        }))
      ),
    }))
    .filter((entry) => entry.statusOnDay === 'active' || asked.has(entry.organisation.id))
}
