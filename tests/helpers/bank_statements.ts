/*
 * Bank statements as the banks write them, for tests that import them: a
 * camt.053.001.02 document with the bank's balances and one transaction per
 * entry.
 */

export type CamtEntry = {
  ref: string
  amount: string
  date: string
  debit?: boolean
  payer?: string
  text?: string
  paymentId?: string
}

export const TEST_IBAN = 'DK8030000012345678'

export function camt053(
  entries: CamtEntry[],
  options: { opening?: string; closing?: string; iban?: string; id?: string } = {}
) {
  const rows = entries.map(
    (entry) => `<Ntry><Amt Ccy="DKK">${entry.amount}</Amt>
<CdtDbtInd>${entry.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${entry.date}</Dt></BookgDt><AcctSvcrRef>${entry.ref}</AcctSvcrRef>
<NtryDtls><TxDtls>
${entry.payer ? `<RltdPties><Dbtr><Nm>${entry.payer}</Nm></Dbtr></RltdPties>` : ''}
<RmtInf>${entry.text ? `<Ustrd>${entry.text}</Ustrd>` : ''}${
      entry.paymentId ? `<Strd><CdtrRefInf><Ref>${entry.paymentId}</Ref></CdtrRefInf></Strd>` : ''
    }</RmtInf></TxDtls></NtryDtls></Ntry>`
  )
  const dates = entries.map((entry) => entry.date).sort()
  const balance = (code: string, amount: string | undefined, date: string | undefined) =>
    amount === undefined
      ? ''
      : `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>
<Amt Ccy="DKK">${amount.replace('-', '')}</Amt><CdtDbtInd>${amount.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd>
<Dt><Dt>${date}</Dt></Dt></Bal>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>TEST-1</MsgId><CreDtTm>2026-03-11T06:10:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>${options.id ?? 'STMT-1'}</Id><Acct><Id><IBAN>${options.iban ?? TEST_IBAN}</IBAN></Id><Ccy>DKK</Ccy></Acct>
${balance('OPBD', options.opening, dates[0])}
${balance('CLBD', options.closing, dates[dates.length - 1])}
${rows.join('\n')}
</Stmt></BkToCstmrStmt></Document>`
}
