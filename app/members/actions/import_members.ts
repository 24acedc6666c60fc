import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import { CreateImportedOrganisations } from '#members/actions/create_imported_organisations'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import { nameKey } from '#members/membership'
import type { OrganisationFields } from '#members/organisation_fields'
import {
  parseMemberRows,
  type ImportProblem,
  type ParsedMemberRow,
} from '#members/import/parse_member_rows'
import { mapMemberColumns, type MemberColumn } from '#members/import/member_columns'
import type { DanishCsv } from '#shared/csv/read_danish_csv'
import { readCsvOrProblem } from '#shared/csv/describe_problem'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'

type PlannedRow =
  | { kind: 'create'; row: ParsedMemberRow }
  | {
      kind: 'update'
      row: ParsedMemberRow
      organisation: Organisation
      fields: Partial<OrganisationFields>
    }
  | { kind: 'unchanged'; row: ParsedMemberRow; organisation: Organisation }

export type ImportSummary = {
  encoding: DanishCsv['encoding']
  delimiter: DanishCsv['delimiter']
  created: string[]
  updated: string[]
  unchanged: string[]
  unknownColumns: string[]
  unrecognisedTypes: { line: number; text: string }[]
}

export type ImportMembersResult =
  | { status: 'invalid'; problems: ImportProblem[]; unknownColumns: string[] }
  | { status: 'checked' | 'imported'; summary: ImportSummary }

/** Which organisation fields each file column fills; a column the file lacks leaves the field alone. */
const FIELD_COLUMNS: [keyof OrganisationFields, MemberColumn][] = [
  ['name', 'name'],
  ['type', 'type'],
  ['cvr', 'cvr'],
  ['ean', 'ean'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['website', 'website'],
]

/**
 * Imports member organisations from a file as Danish Excel writes it. Every
 * row is checked first; one bad row means nothing is imported. Rows match
 * the register by CVR, else by name, so importing the same file again
 * changes nothing. With `dryRun` it reports what it would do.
 */
export class ImportMembers {
  async handle(
    input: { file: Buffer; fileName: string; dryRun: boolean },
    actor: Actor
  ): Promise<ImportMembersResult> {
    const read = readCsvOrProblem(input.file)
    if ('problem' in read)
      return { status: 'invalid', problems: [read.problem], unknownColumns: [] }
    const { csv } = read

    const parsed = parseMemberRows(csv)
    if (parsed.problems.length)
      return { status: 'invalid', problems: parsed.problems, unknownColumns: parsed.unknownColumns }

    const presentColumns = new Set(mapMemberColumns(csv.headers).columns.keys())
    const { plan, problems } = await this.plan(parsed.rows, presentColumns)
    if (problems.length)
      return { status: 'invalid', problems, unknownColumns: parsed.unknownColumns }

    const summary: ImportSummary = {
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      created: plan.filter((p) => p.kind === 'create').map((p) => p.row.fields.name),
      updated: plan.filter((p) => p.kind === 'update').map((p) => p.row.fields.name),
      unchanged: plan.filter((p) => p.kind === 'unchanged').map((p) => p.row.fields.name),
      unknownColumns: parsed.unknownColumns,
      unrecognisedTypes: parsed.rows
        .filter((row) => row.unrecognisedType)
        .map((row) => ({ line: row.line, text: row.unrecognisedType! })),
    }
    if (input.dryRun) return { status: 'checked', summary }

    await db.transaction(async (trx) => {
      await new CreateImportedOrganisations().handle(
        plan
          .filter((entry) => entry.kind === 'create')
          .map(({ row }) => ({
            fields: row.fields,
            joinedOn: row.joinedOn,
            primaryContact: row.contact,
          })),
        `Importeret fra ${input.fileName}`,
        actor,
        trx
      )
      for (const entry of plan) await this.apply(entry, actor, trx)
    })
    return { status: 'imported', summary }
  }

  /** Matches each row against the register and decides what to do with it. */
  protected async plan(rows: ParsedMemberRow[], presentColumns: Set<MemberColumn>) {
    const register = await Organisation.query().preload('contacts', (c) => c.whereNull('erased_at'))
    const byCvr = new Map(register.filter((o) => o.cvr).map((o) => [o.cvr!, o]))
    const byName = new Map<string, Organisation>()
    for (const organisation of register) {
      // Prefer the organisation that currently holds the name over a former one.
      if (!byName.has(organisation.nameKey) || organisation.currentNameKey)
        byName.set(organisation.nameKey, organisation)
    }
    const nameHolders = new Map(
      register.filter((o) => o.currentNameKey).map((o) => [o.currentNameKey!, o])
    )

    const plan: PlannedRow[] = []
    const problems: ImportProblem[] = []
    for (const row of rows) {
      const key = nameKey(row.fields.name)
      const organisation = (row.fields.cvr && byCvr.get(row.fields.cvr)) || byName.get(key)
      const holder = nameHolders.get(key)
      // Same name but another CVR number: a different organisation, not this one.
      const otherCvr = organisation?.cvr && row.fields.cvr && organisation.cvr !== row.fields.cvr
      if ((holder && holder !== organisation) || otherCvr) {
        problems.push({ line: row.line, column: 'Navn', code: 'name_taken' })
        continue
      }
      if (!organisation) {
        plan.push({ kind: 'create', row })
        continue
      }
      const fields = this.fieldsFromFile(row, presentColumns)
      const changes = diffFields(organisation.$attributes, fields)
      const contactKnown = organisation.contacts.some(
        (contact) => contact.email === row.contact.email
      )
      plan.push(
        changes || !contactKnown
          ? { kind: 'update', row, organisation, fields }
          : { kind: 'unchanged', row, organisation }
      )
    }
    return { plan, problems }
  }

  protected fieldsFromFile(row: ParsedMemberRow, presentColumns: Set<MemberColumn>) {
    const fields: Partial<OrganisationFields> = {}
    for (const [field, column] of FIELD_COLUMNS) {
      if (presentColumns.has(column)) Object.assign(fields, { [field]: row.fields[field] })
    }
    // A legal form comes from its own column, or from a Type cell that was one (A/S, Forening).
    if (presentColumns.has('legalForm') || row.fields.legalForm)
      fields.legalForm = row.fields.legalForm
    return fields
  }

  protected async apply(entry: PlannedRow, actor: Actor, trx: TransactionClientContract) {
    // New organisations were created together beforehand.
    if (entry.kind !== 'update') return

    const { organisation, fields, row } = entry
    await new UpdateOrganisation().handle(organisation.id, fields, actor, trx)
    if (organisation.contacts.some((contact) => contact.email === row.contact.email)) return

    const contact = await Contact.create(
      {
        ...row.contact,
        organisationId: organisation.id,
        isPrimary: !organisation.contacts.some((existing) => existing.isPrimary),
        isBilling: false,
        isDelegate: false,
        isNewsletter: false,
      },
      { client: trx }
    )
    await recordAuditEvent(trx, actor, {
      module: 'members',
      action: 'contact.added',
      details: { name: contact.name, organisation: organisation.name },
      subject: { type: 'organisation', id: organisation.id },
    })
  }
}
