import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import type AssociationSettings from '#association/models/association_settings'
import { organisationsOnDay } from '#members/queries/organisations_on_day'
import { duesStandingsOn } from '#dues/queries/has_paid_dues'
import {
  quorumCount,
  votesHeld,
  votingRight,
  type DuesVotingStatutes,
  type VotingRight,
} from '#assemblies/rules/voting_register'
import type {
  RegisterLine,
  RegisterOrganisation,
  RegisterTotals,
} from '#assemblies/queries/voting_register'
import { DANISH_ZONE } from '#shared/danish_time'

export type RegisterStatutes = DuesVotingStatutes & Pick<AssociationSettings, 'duesGraceMonths'>

/** The assembly's date in Denmark, ISO: the day whose members and dues the register shows. */
export function assemblyDay(assembly: Assembly) {
  return assembly.startsAt.setZone(DANISH_ZONE).toISODate()!
}

/**
 * The register worked out from the member register, the dues and the
 * attendances: the organisations that were members on the assembly's day,
 * and any other that checked in or gave a proxy; each with its status and
 * its dues for the year as they stood that day. With `onlyFor`, one
 * member's line and its proxy givers', for the checks made on every vote.
 * `client` lets the close read it inside its own transaction.
 */
export async function computeRegister(
  assembly: Assembly,
  statutes: RegisterStatutes,
  options: { onlyFor?: number; client?: QueryClientContract } = {}
): Promise<{ lines: RegisterLine[]; totals: RegisterTotals }> {
  const client = options.client ?? db.connection()
  const onlyFor = options.onlyFor ?? null
  const attendanceQuery = Attendance.query({ client }).where('assembly_id', assembly.id)
  if (onlyFor !== null)
    attendanceQuery.where((query) =>
      query.where('organisation_id', onlyFor).orWhere('proxy_to_organisation_id', onlyFor)
    )
  const attendances = await attendanceQuery
  const byOrganisation = new Map(attendances.map((row) => [row.organisationId, row]))
  const day = assemblyDay(assembly)
  const entries = await organisationsOnDay(
    day,
    onlyFor !== null
      ? { onlyIds: [onlyFor, ...byOrganisation.keys()], client }
      : { alsoIds: [...byOrganisation.keys()], client }
  )
  const byId = new Map<number, RegisterOrganisation>(
    entries.map(({ organisation }) => [organisation.id, organisationOf(organisation)])
  )
  const dues = await duesStandingsOn(
    entries.map(({ organisation }) => organisation),
    { year: Number(day.slice(0, 4)), day, graceMonths: statutes.duesGraceMonths },
    client
  )
  const rights = new Map<number, VotingRight>(
    entries.map(({ organisation, statusOnDay }) => [
      organisation.id,
      votingRight({ statusOnDay, dues: dues.get(organisation.id)! }, statutes),
    ])
  )

  // Who gave each holder a proxy, gathered once: the register is rebuilt on every vote.
  const giversTo = new Map<number, number[]>()
  for (const row of attendances) {
    const holder = row.proxyToOrganisationId
    if (holder) giversTo.set(holder, [...(giversTo.get(holder) ?? []), row.organisationId])
  }

  const lines = entries.map(({ organisation, statusOnDay }): RegisterLine => {
    const attendance = byOrganisation.get(organisation.id) ?? null
    const proxiesFrom = (giversTo.get(organisation.id) ?? [])
      .filter((giverId) => byId.has(giverId) && rights.get(giverId)!.mayVote)
      .map((giverId) => byId.get(giverId)!)
    const right = rights.get(organisation.id)!
    return {
      organisation: byId.get(organisation.id)!,
      member: statusOnDay === 'active',
      attendance: attendance && {
        present: attendance.present,
        representative: attendance.representative,
        proxyToOrganisationId: attendance.proxyToOrganisationId,
      },
      right,
      proxyTo: attendance?.proxyToOrganisationId
        ? (byId.get(attendance.proxyToOrganisationId) ?? null)
        : null,
      proxiesFrom,
      votes: votesHeld({
        present: attendance?.present ?? false,
        mayVote: right.mayVote,
        proxiesHeld: proxiesFrom.length,
      }),
    }
  })
  return { lines, totals: totalsOf(lines) }
}

function organisationOf(organisation: { id: number; name: string }): RegisterOrganisation {
  return { id: organisation.id, name: organisation.name }
}

function totalsOf(lines: RegisterLine[]): RegisterTotals {
  const { entitled, represented } = quorumCount(
    lines.map((line) => ({
      id: line.organisation.id,
      mayVote: line.right.mayVote,
      present: line.attendance?.present ?? false,
      proxyGivenTo: line.attendance?.proxyToOrganisationId ?? null,
    }))
  )
  return {
    members: lines.filter((line) => line.member).length,
    entitled,
    present: lines.filter((line) => line.attendance?.present).length,
    represented,
    votes: lines.reduce((sum, line) => sum + line.votes, 0),
  }
}
