import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Assembly from '#assemblies/models/assembly'
import RegisterSnapshot from '#assemblies/models/register_snapshot'
import { computeRegister, type RegisterStatutes } from '#assemblies/queries/register_on_day'

/** Rows per insert: well under SQLite's and MySQL's limits on bound parameters. */
const CHUNK = 200

/**
 * Writes the voting register as it stands into the assembly's record, in
 * the transaction that closes it: from then on the register, its PDF and
 * the minutes read these rows, and later changes to members, dues or
 * attendances do not reach them.
 */
export class FreezeVotingRegister {
  async handle(assembly: Assembly, statutes: RegisterStatutes, trx: TransactionClientContract) {
    const { lines, totals } = await computeRegister(assembly, statutes, { client: trx })
    const snapshot = await RegisterSnapshot.create(
      { assemblyId: assembly.id, ...totals, frozenAt: DateTime.now() },
      { client: trx }
    )
    const rows = lines.map((line, position) => ({
      snapshot_id: snapshot.id,
      position,
      organisation_id: line.organisation.id,
      organisation_name: line.organisation.name,
      member: line.member,
      present: line.attendance?.present ?? false,
      representative: line.attendance?.representative ?? null,
      proxy_to_organisation_id: line.proxyTo?.id ?? null,
      proxy_to_name: line.proxyTo?.name ?? null,
      proxies_from: JSON.stringify(line.proxiesFrom),
      may_vote: line.right.mayVote,
      reason: line.right.reason,
      votes: line.votes,
    }))
    for (let start = 0; start < rows.length; start += CHUNK) {
      await trx
        .table('assembly_register_snapshot_lines')
        .multiInsert(rows.slice(start, start + CHUNK))
    }
    return snapshot
  }
}
