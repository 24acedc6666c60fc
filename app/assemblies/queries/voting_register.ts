import Organisation from '#members/models/organisation'
import type Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import { duesSettledForVotingOf } from '#dues/queries/has_paid_dues'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import {
  quorumCount,
  votesHeld,
  votingRight,
  type VotingRight,
} from '#assemblies/rules/voting_register'

export type RegisterLine = {
  organisation: Organisation
  attendance: Attendance | null
  right: VotingRight
  proxyTo: Organisation | null
  proxiesFrom: Organisation[]
  votes: number
}

export type VotingRegister = {
  lines: RegisterLine[]
  totals: { members: number; entitled: number; present: number; represented: number; votes: number }
}

/**
 * The stemmeliste: every active member (and anyone checked in), whether it
 * is present and by whom, the proxies given and held, and whether it may
 * vote: active, and with the dues for the assembly's year paid when the
 * statutes say so.
 */
export async function getVotingRegister(assembly: Assembly): Promise<VotingRegister> {
  return buildRegister(assembly, null)
}

/**
 * One member's line of the register: present or not, its right to vote and
 * the proxies it holds, read from its own rows and its proxy givers' only.
 * Checked on every vote, so 500 votes at once do not each read every member.
 */
export async function getRegisterLine(
  assembly: Assembly,
  organisationId: number
): Promise<RegisterLine | null> {
  const register = await buildRegister(assembly, organisationId)
  return register.lines.find((line) => line.organisation.id === organisationId) ?? null
}

async function buildRegister(assembly: Assembly, onlyFor: number | null): Promise<VotingRegister> {
  const settings = await getAssociationSettings()
  const attendanceQuery = Attendance.query().where('assembly_id', assembly.id)
  if (onlyFor !== null)
    attendanceQuery.where((query) =>
      query.where('organisation_id', onlyFor).orWhere('proxy_to_organisation_id', onlyFor)
    )
  const attendances = await attendanceQuery
  const byOrganisation = new Map(attendances.map((row) => [row.organisationId, row]))
  const organisationQuery = Organisation.query()
  if (onlyFor !== null) {
    organisationQuery.whereIn('id', [onlyFor, ...byOrganisation.keys()])
  } else {
    organisationQuery.where((query) =>
      query.where('status', 'active').orWhereIn('id', [...byOrganisation.keys()])
    )
  }
  const organisations = await organisationQuery.orderBy('name')
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  const year = assembly.startsAt.setZone('Europe/Copenhagen').year

  const duesRequired = settings.unpaidDuesRemoveVotingRight
  const duesSettled = duesRequired
    ? await duesSettledForVotingOf(
        organisations.map((organisation) => organisation.id),
        year,
        assembly.startsAt
      )
    : null
  const rights = new Map<number, VotingRight>(
    organisations.map((organisation) => [
      organisation.id,
      votingRight({
        status: organisation.status,
        duesPaid: duesSettled?.get(organisation.id) ?? true,
        duesRequired,
      }),
    ])
  )

  // Who gave each holder a proxy, gathered once: the register is rebuilt on every vote.
  const giversTo = new Map<number, number[]>()
  for (const row of attendances) {
    const holder = row.proxyToOrganisationId
    if (holder) giversTo.set(holder, [...(giversTo.get(holder) ?? []), row.organisationId])
  }

  const lines = organisations.map((organisation) => {
    const attendance = byOrganisation.get(organisation.id) ?? null
    const proxiesFrom = (giversTo.get(organisation.id) ?? [])
      .map((giverId) => byId.get(giverId))
      .filter((giver): giver is Organisation => Boolean(giver) && rights.get(giver!.id)!.mayVote)
    const right = rights.get(organisation.id)!
    return {
      organisation,
      attendance,
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
  const { entitled, represented } = quorumCount(
    lines.map((line) => ({
      id: line.organisation.id,
      mayVote: line.right.mayVote,
      present: line.attendance?.present ?? false,
      proxyGivenTo: line.attendance?.proxyToOrganisationId ?? null,
    }))
  )
  return {
    lines,
    totals: {
      members: lines.filter((line) => line.organisation.status === 'active').length,
      entitled,
      present: lines.filter((line) => line.attendance?.present).length,
      represented,
      votes: lines.reduce((sum, line) => sum + line.votes, 0),
    },
  }
}
