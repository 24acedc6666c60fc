import type { DateTime } from 'luxon'
import type Assembly from '#assemblies/models/assembly'
import RegisterSnapshot from '#assemblies/models/register_snapshot'
import type RegisterSnapshotLine from '#assemblies/models/register_snapshot_line'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { computeRegister } from '#assemblies/queries/register_on_day'
import type { VotingRight } from '#assemblies/rules/voting_register'

/** An organisation as the register names it: as it was on the day, not as it is now. */
export type RegisterOrganisation = { id: number; name: string }

export type RegisterAttendance = {
  present: boolean
  representative: string | null
  proxyToOrganisationId: number | null
}

export type RegisterLine = {
  organisation: RegisterOrganisation
  /** A member on the assembly's day; others are listed only because they came or gave a proxy. */
  member: boolean
  attendance: RegisterAttendance | null
  right: VotingRight
  proxyTo: RegisterOrganisation | null
  proxiesFrom: RegisterOrganisation[]
  votes: number
}

export type RegisterTotals = {
  members: number
  entitled: number
  present: number
  represented: number
  votes: number
}

export type VotingRegister = {
  lines: RegisterLine[]
  totals: RegisterTotals
  /**
   * When the assembly closed, if this is the register frozen then; null
   * while it is worked out from the member register as of the assembly's day.
   */
  frozenAt: DateTime | null
}

/**
 * The stemmeliste: the organisations that were members on the assembly's
 * day, whether each is present and by whom, the proxies given and held,
 * and whether it may vote and why. Once the assembly has closed it is the
 * register as it stood then, whatever has changed since; an assembly
 * closed before registers were kept is worked out as of its day.
 */
export async function getVotingRegister(assembly: Assembly): Promise<VotingRegister> {
  const frozen = assembly.status === 'closed' ? await frozenRegister(assembly) : null
  if (frozen) return frozen
  const { lines, totals } = await computeRegister(assembly, await getAssociationSettings())
  return { lines, totals, frozenAt: null }
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
  const frozen =
    assembly.status === 'closed' ? await frozenRegister(assembly, organisationId) : null
  if (frozen) return frozen.lines[0] ?? null
  const { lines } = await computeRegister(assembly, await getAssociationSettings(), {
    onlyFor: organisationId,
  })
  return lines.find((line) => line.organisation.id === organisationId) ?? null
}

async function frozenRegister(
  assembly: Assembly,
  onlyFor?: number
): Promise<VotingRegister | null> {
  const snapshot = await RegisterSnapshot.query()
    .where('assembly_id', assembly.id)
    .preload('lines', (lines) => {
      lines.orderBy('position')
      if (onlyFor !== undefined) lines.where('organisation_id', onlyFor)
    })
    .first()
  if (!snapshot) return null
  return {
    lines: snapshot.lines.map(lineOf),
    totals: {
      members: snapshot.members,
      entitled: snapshot.entitled,
      present: snapshot.present,
      represented: snapshot.represented,
      votes: snapshot.votes,
    },
    // The same moment, as the close writes both; the closing time is the one people see.
    frozenAt: assembly.closedAt ?? snapshot.frozenAt,
  }
}

function lineOf(row: RegisterSnapshotLine): RegisterLine {
  const proxyTo = row.proxyToOrganisationId
    ? { id: row.proxyToOrganisationId, name: row.proxyToName ?? '' }
    : null
  return {
    organisation: { id: row.organisationId, name: row.organisationName },
    member: row.member,
    attendance:
      row.present || proxyTo
        ? {
            present: row.present,
            representative: row.representative,
            proxyToOrganisationId: row.proxyToOrganisationId,
          }
        : null,
    right: { mayVote: row.mayVote, reason: row.reason },
    proxyTo,
    proxiesFrom: row.proxiesFrom,
    votes: row.votes,
  }
}
