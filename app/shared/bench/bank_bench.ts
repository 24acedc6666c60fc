import { performance } from 'node:perf_hooks'
import db from '@adonisjs/lucid/services/db'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { Actors } from '#audit/actor'
import type { Figure } from '#shared/bench/report'

const ENTRIES = 10_000
const ACCOUNT = 'DK8030000012345678'
const PAYERS = ['Foreningen af pårørende', 'Netværket for unge ledere', 'Rådet for frivillige']

/**
 * A busy account's year: ten thousand entries, most of them money in with
 * an invoice number or a payer's name, some money out, as camt.053.001.02.
 * Invoice numbers the register does not have keep the matching rules at
 * work on every entry without paying anything in the demo's books.
 */
function yearOfEntries(entries: number) {
  const rows: string[] = []
  let total = 0
  for (let index = 0; index < entries; index++) {
    const day = `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`
    const debit = index % 5 === 4
    const ore = 10_000 + ((index * 7919) % 250_000)
    total += debit ? -ore : ore
    const text = debit
      ? `Betaling ${index}`
      : `Kontingent faktura 1999-${String(index).padStart(5, '0')}`
    rows.push(`<Ntry><Amt Ccy="DKK">${(ore / 100).toFixed(2)}</Amt>
<CdtDbtInd>${debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${day}</Dt></BookgDt><AcctSvcrRef>BENCH-${index}</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${PAYERS[index % PAYERS.length]} ${index}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`)
  }
  const balance = (code: string, ore: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="DKK">${(Math.abs(ore) / 100).toFixed(2)}</Amt>` +
    `<CdtDbtInd>${ore < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2025-12-31</Dt></Dt></Bal>`
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-01-02T06:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>BENCH-2025</Id><Acct><Id><IBAN>${ACCOUNT}</IBAN></Id><Ccy>DKK</Ccy></Acct>
${balance('OPBD', 0)}${balance('CLBD', total)}
${rows.join('\n')}
</Stmt></BkToCstmrStmt></Document>`)
}

async function timedImport(file: Buffer, dryRun: boolean) {
  const started = performance.now()
  const result = await new ImportBankStatement().handle(
    { file, fileName: 'kontoudtog-2025.xml', dryRun },
    Actors.system('bench')
  )
  return { result, seconds: (performance.now() - started) / 1000 }
}

/**
 * A year's statement read, matched against every open invoice and stored,
 * then the same file again (all entries known). The statement and its
 * entries are removed afterwards; it paid nothing.
 */
export async function bankImportFigure(log: (line: string) => void): Promise<Figure> {
  const file = yearOfEntries(ENTRIES)
  await timedImport(yearOfEntries(20), true)
  try {
    log(`bank_import: ${ENTRIES} entries previewed, imported and imported again…`)
    const preview = await timedImport(file, true)
    const imported = await timedImport(file, false)
    if (imported.result.status !== 'imported' || imported.result.newEntries !== ENTRIES) {
      throw new Error(`the statement was not imported whole: ${imported.result.status}`)
    }
    const again = await timedImport(file, false)
    if (again.result.status !== 'imported' || again.result.newEntries !== 0) {
      throw new Error('the second import stored entries again')
    }
    return {
      name: 'bank_import',
      value: ENTRIES / imported.seconds,
      unit: 'entries/s',
      target: '>= 2000 entries/s',
      preview_s: round(preview.seconds),
      reimport_s: round(again.seconds),
      entries: ENTRIES,
      file_kb: Math.round(file.length / 1024),
    }
  } finally {
    await removeBenchStatements()
  }
}

async function removeBenchStatements() {
  await db.transaction(async (trx) => {
    const statements = await trx
      .from('bank_statements')
      .where('account', ACCOUNT)
      .select('id', 'import_file_id')
    const ids = statements.map((row) => Number(row.id))
    if (ids.length)
      await trx.from('bank_statement_lines').whereIn('bank_statement_id', ids).delete()
    await trx.from('bank_statements').where('account', ACCOUNT).delete()
    await trx.from('bank_entries').where('account', ACCOUNT).delete()
    const files = statements.map((row) => Number(row.import_file_id))
    if (files.length) await trx.from('import_files').whereIn('id', files).delete()
  })
}

function round(seconds: number) {
  return Math.round(seconds * 100) / 100
}
