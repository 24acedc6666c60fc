import { performance } from 'node:perf_hooks'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import Tier from '#members/models/tier'
import { ImportMembers, type ImportMembersResult } from '#members/actions/import_members'
import type { MembershipStatus, OrganisationType } from '#members/membership'
import {
  COLUMN_ORDER,
  REGISTER_COLUMNS,
  type RegisterColumn,
} from '#members/register_file/register_columns'
import { writeFlag, writeStatus } from '#members/register_file/register_values'
import { Actors } from '#audit/actor'
import type { Figure } from '#shared/bench/report'
import type { SpreadsheetCell } from '#shared/spreadsheet/spreadsheet_export'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'

const ORGANISATIONS = 10_000
const FILE_NAME = 'medlemmer.xlsx'

/** The fee groups the workbook names; made when the register lacks them, removed after. */
const TIERS = [
  'Lille organisation',
  'Mellemstor organisation',
  'Stor organisation',
  'Offentlig myndighed',
]
const TYPES: OrganisationType[] = [
  'ngo',
  'ngo',
  'ngo',
  'fond',
  'virksomhed',
  'kommune',
  'forskning',
]
const LEGAL_FORMS: Partial<Record<OrganisationType, string>> = {
  ngo: 'Forening',
  fond: 'Erhvervsdrivende fond',
  virksomhed: 'ApS',
  forskning: 'Selvejende institution',
}
const NAMES = ['Netværket for', 'Foreningen af', 'Landsforeningen for', 'Rådet for', 'Centret for']
const CAUSES = ['socialt udsatte', 'ældre i eventyr', 'unge ledere', 'pårørende', 'frivillige']
const CITIES = [
  ['0800', 'Høje-Taastrup'],
  ['1620', 'København V'],
  ['5000', 'Odense C'],
  ['8000', 'Aarhus C'],
  ['9000', 'Aalborg'],
  ['6700', 'Esbjerg'],
]
const PEOPLE = ['Søren Ærø', 'Mette Østergaard', 'Ali Hassan', 'Åse Mikkelsen', 'Jens Jensen']

/** A valid CVR number: seven digits and the check digit that makes the weighted sum divisible by 11. */
function cvrNumber(index: number) {
  for (let stem = 3_000_000 + index * 3; ; stem++) {
    const digits = String(stem)
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * [2, 7, 6, 5, 4, 3, 2][i], 0)
    const check = (11 - (sum % 11)) % 11
    if (check < 10) return `${digits}${check}`
  }
}

/** A valid GLN/EAN location number with GS1's check digit. */
function eanNumber(index: number) {
  const stem = `579000${String(index).padStart(6, '0')}`
  const sum = [...stem].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0)
  return `${stem}${(10 - (sum % 10)) % 10}`
}

function isoDay(index: number) {
  const year = 1995 + (index % 30)
  const month = String(1 + (index % 12)).padStart(2, '0')
  const day = String(1 + (index % 28)).padStart(2, '0')
  return `${year}-${month}-${day}`
}

/**
 * One organisation as the export writes it: a row per contact person, the
 * organisation's cells repeated on each. Most have one contact; every
 * seventh has two or three, as secretariats keep a chair and a bookkeeper.
 */
function organisationRows(index: number): SpreadsheetCell[][] {
  const danish = i18nManager.locale('da')
  const type = TYPES[index % TYPES.length]
  const status: MembershipStatus =
    index % 23 === 0 ? 'resigned' : index % 31 === 0 ? 'applicant' : 'active'
  const [postcode, city] = CITIES[index % CITIES.length]
  const domain = `org${index}.example.dk`
  const organisation: Partial<Record<RegisterColumn, SpreadsheetCell>> = {
    name: `${NAMES[index % NAMES.length]} ${CAUSES[index % CAUSES.length]} nr. ${index}`,
    type: danish.t(`members.types.${type}`),
    legalForm: LEGAL_FORMS[type] ?? null,
    cvr: index % 10 === 9 ? null : cvrNumber(index),
    ean: type === 'kommune' || index % 4 === 0 ? eanNumber(index) : null,
    address: `Vestergade ${1 + (index % 120)}, ${1 + (index % 4)}. sal`,
    postcode,
    city,
    website: index % 3 === 0 ? `https://${domain}` : null,
    invoiceReference: index % 5 === 0 ? `PO-${index}` : null,
    tier: type === 'kommune' ? TIERS[3] : TIERS[index % 3],
    status: writeStatus(status),
    joinedOn: status === 'applicant' ? null : isoDay(index),
    leftOn: status === 'resigned' ? isoDay(index + 7).replace(/^\d{4}/, '2025') : null,
    notes: index % 8 === 0 ? `Betaler via EAN.\nKontakt sekretariatet før ${isoDay(index)}.` : null,
  }
  const contacts = index % 7 === 0 ? 2 + (index % 2) : 1
  return Array.from({ length: contacts }, (_, k) => {
    const name = `${PEOPLE[(index + k) % PEOPLE.length]} ${index}-${k}`
    const row: Record<RegisterColumn, SpreadsheetCell> = {
      ...(organisation as Record<RegisterColumn, SpreadsheetCell>),
      contactName: name,
      contactTitle: k === 0 ? 'Formand' : k === 1 ? 'Kasserer' : null,
      email: `kontakt${k}@${domain}`,
      phone: `+45 ${20 + (index % 70)} ${String(index % 100).padStart(2, '0')} 1${k} 00`,
      isPrimary: writeFlag(k === 0),
      isBilling: writeFlag(k === contacts - 1),
      isDelegate: writeFlag(k === 0),
      isNewsletter: writeFlag(true),
    }
    return COLUMN_ORDER.map((column) => row[column])
  })
}

/** The workbook as exportMembers writes it: identifiers as text cells, dates as date cells. */
async function registerWorkbook(organisations: number) {
  const rows = Array.from({ length: organisations }, (_, i) => organisationRows(i + 1)).flat()
  const file = await writeXlsx({
    sheetName: 'Medlemmer',
    columns: COLUMN_ORDER.map((column) => ({
      header: REGISTER_COLUMNS[column].header,
      kind: REGISTER_COLUMNS[column].kind === 'date' ? ('date' as const) : ('text' as const),
    })),
    rows,
  })
  return { file, rows: rows.length }
}

async function ensureTiers() {
  const made: number[] = []
  for (const [index, name] of TIERS.entries()) {
    const tier = await Tier.firstOrCreate({ name }, { name, sortOrder: 90 + index })
    if (tier.$isLocal) made.push(tier.id)
  }
  return made
}

async function timed(file: Buffer, dryRun: boolean) {
  const started = performance.now()
  const result = await new ImportMembers().handle(
    { file, fileName: FILE_NAME, dryRun },
    Actors.system('bench')
  )
  return { result, seconds: (performance.now() - started) / 1000 }
}

function counted(result: ImportMembersResult, expected: string) {
  if (result.status === 'invalid') {
    throw new Error(`the workbook was refused: ${JSON.stringify(result.problems.slice(0, 3))}`)
  }
  const count = (kind: string) => result.plan.plans.filter((plan) => plan.kind === kind).length
  const seen = `${count('new')} new, ${count('changed')} changed`
  if (seen !== expected) throw new Error(`expected ${expected}, the plan says ${seen}`)
}

/**
 * The register round trip a secretariat makes: a 10,000-organisation
 * workbook previewed and imported into a register that holds none of them,
 * then previewed again unchanged. What it imported is removed afterwards,
 * so member_import and member_list find the register as they would alone.
 */
export async function memberImportXlsxFigure(log: (line: string) => void): Promise<Figure> {
  const madeTiers = await ensureTiers()
  const last = await db.from('organisations').max('id as id').count('* as total').first()
  const lastId = Number(last?.id ?? 0)
  try {
    log(`member_import_xlsx: writing a workbook of ${ORGANISATIONS} organisations…`)
    const { file, rows } = await registerWorkbook(ORGANISATIONS)
    // A server has read a workbook before the one that counts: the code is loaded and compiled.
    const small = await registerWorkbook(20)
    await timed(small.file, true)

    log(`member_import_xlsx: preview, import and preview again of ${rows} rows…`)
    const preview = await timed(file, true)
    counted(preview.result, `${ORGANISATIONS} new, 0 changed`)
    const imported = await timed(file, false)
    if (imported.result.status !== 'imported' || !imported.result.written) {
      throw new Error(`the import wrote nothing: ${imported.result.status}`)
    }
    const again = await timed(file, true)
    counted(again.result, '0 new, 0 changed')
    return {
      name: 'member_import_xlsx',
      value: rows / imported.seconds,
      unit: 'rows/s',
      target: '>= 10000 rows/s',
      preview_s: round(preview.seconds),
      preview_target: '< 5 s',
      repreview_s: round(again.seconds),
      repreview_target: '< 5 s',
      rows,
      organisations: ORGANISATIONS,
      // The register it went into: the demo's few members when run alone.
      register_before: Number(last?.total ?? 0),
      file_kb: Math.round(file.length / 1024),
    }
  } finally {
    await removeImported(lastId, madeTiers)
  }
}

async function removeImported(lastId: number, madeTiers: number[]) {
  await db.transaction(async (trx) => {
    await trx.from('contacts').where('organisation_id', '>', lastId).delete()
    await trx.from('organisation_status_changes').where('organisation_id', '>', lastId).delete()
    await trx.from('organisations').where('id', '>', lastId).delete()
    if (madeTiers.length) await trx.from('tiers').whereIn('id', madeTiers).delete()
  })
}

function round(seconds: number) {
  return Math.round(seconds * 100) / 100
}
