import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import { readRegisterFile } from '#members/register_file/read_register_file'
import {
  planRegisterImport,
  type OrganisationPlan,
} from '#members/register_file/plan_register_import'
import {
  applyRegisterImport,
  type MissingOrganisations,
} from '#members/register_file/apply_register_import'
import { readImportTable, type ImportTableInfo } from '#members/register_file/read_import_table'
import type { ImportProblem } from '#members/register_file/import_problems'
import { recordImportEvent } from '#members/register_file/record_import_event'
import type { RegisteredOrganisation } from '#members/queries/register_for_import'
import type { Actor } from '#audit/actor'

export type ImportInput = {
  file: Buffer
  fileName: string
  /** A workbook's sheet by name; the first when not given. */
  sheet?: string | null
  dryRun: boolean
  missing?: MissingOrganisations
  /** The user's own column choices for headers Kreds does not know, by normalised header. */
  savedMapping?: Record<string, string>
}

export type ImportPlan = {
  table: ImportTableInfo
  plans: OrganisationPlan[]
  missing: RegisteredOrganisation[]
  unknownColumns: string[]
  unrecognisedTypes: { line: number; text: string }[]
  tiers: { id: number; name: string }[]
}

export type ImportMembersResult =
  | { status: 'invalid'; problems: ImportProblem[]; plan: ImportPlan | null }
  | { status: 'checked'; plan: ImportPlan }
  | { status: 'imported'; plan: ImportPlan; resigned: string[]; written: boolean }

/**
 * Imports the member register from a file (CSV as Excel, LibreOffice or
 * Numbers write it, or an Excel workbook). Every row is read and matched
 * first, and the plan says per organisation what is new, what changes
 * field by field and what stays; any refused row means nothing is written.
 * Otherwise the whole plan is written in one transaction, with one audit
 * event holding the file and the changes. A file that changes nothing
 * writes nothing at all.
 */
export class ImportMembers {
  async handle(input: ImportInput, actor: Actor): Promise<ImportMembersResult> {
    const read = await readImportTable(input.file, input.fileName, input.sheet ?? null)
    if ('problem' in read) return { status: 'invalid', problems: [read.problem], plan: null }
    const tierRows = await Tier.query().orderBy('sort_order')
    const tiers = tierRows.map(({ id, name }) => ({ id, name }))
    const parsed = readRegisterFile(read.table, { tiers, savedMapping: input.savedMapping })
    const base = {
      table: read.info,
      unknownColumns: parsed.unknownColumns,
      unrecognisedTypes: parsed.organisations
        .filter((organisation) => organisation.unrecognisedType)
        .map((organisation) => ({
          line: organisation.lines[0],
          text: organisation.unrecognisedType!,
        })),
      tiers,
    }
    if (parsed.problems.length) {
      return {
        status: 'invalid',
        problems: parsed.problems,
        plan: { ...base, plans: [], missing: [] },
      }
    }
    const { plans, problems, missing } = await planRegisterImport(parsed.organisations)
    const plan: ImportPlan = { ...base, plans, missing }
    if (problems.length) return { status: 'invalid', problems, plan }
    if (input.dryRun) return { status: 'checked', plan }

    const changes = plans.some((entry) => entry.kind !== 'unchanged')
    const leaving = input.missing?.action === 'resign' && missing.some((o) => o.status === 'active')
    if (!changes && !leaving) return { status: 'imported', plan, resigned: [], written: false }

    const { resigned } = await db.transaction(async (trx) => {
      const written = await applyRegisterImport(trx, plans, missing, {
        missing: input.missing ?? { action: 'leave' },
        reason: `Importeret fra ${input.fileName}`,
        actorLabel: actor.label,
      })
      await recordImportEvent(trx, actor, {
        file: input.file,
        fileName: input.fileName,
        plan,
        resigned: written.resigned,
      })
      return written
    })
    return { status: 'imported', plan, resigned, written: true }
  }
}
