/**
 * ISO 20022 camt.053 (BankToCustomerStatement), versions 001.02 and 001.08,
 * as Danish banks send them. Read with saxes, a streaming parser that never
 * expands entities a document declares, so Kreds can stop at the first
 * element past its limits instead of building a tree of whatever arrived.
 */
import iconv from 'iconv-lite'
import { SaxesParser, type SaxesTagNS } from 'saxes'
import {
  BankStatementError,
  fingerprintEntries,
  type BankStatement,
  type UnfingerprintedEntry,
} from '#dues/bank/bank_statement'
import { fikIdFromCodeLine, parseCamtAmountToOre } from '#dues/bank/bank_values'

export const CAMT_NAMESPACES = {
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02': 'camt.053.001.02',
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08': 'camt.053.001.08',
} as const

export const CAMT_LIMITS = {
  /** A year of a busy association's account is well under a megabyte. */
  maxBytes: 20 * 1024 * 1024,
  /** The schema nests about fifteen deep; anything far deeper is no statement. */
  maxDepth: 40,
  maxEntries: 50_000,
}

type Fields = Map<string, string[]>

/** Where one payment's details sit in an entry that books several together. */
const TRANSACTION = 'NtryDtls/TxDtls'

/** The element paths read below an entry, a balance or the statement; the rest is skipped. */
const WANTED = new Set([
  'Amt',
  'CdtDbtInd',
  'Sts',
  'Sts/Cd',
  'BookgDt/Dt',
  'BookgDt/DtTm',
  'ValDt/Dt',
  'ValDt/DtTm',
  'AcctSvcrRef',
  'AddtlNtryInf',
  'NtryDtls/TxDtls/Refs/AcctSvcrRef',
  'NtryDtls/TxDtls/RmtInf/Ustrd',
  'NtryDtls/TxDtls/RmtInf/Strd/CdtrRefInf/Ref',
  'NtryDtls/TxDtls/RltdPties/Dbtr/Nm',
  'NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm',
  'NtryDtls/TxDtls/AddtlTxInf',
  'NtryDtls/TxDtls/AmtDtls/TxAmt/Amt',
  'NtryDtls/TxDtls/Amt',
  'NtryDtls/TxDtls/CdtDbtInd',
  'Tp/CdOrPrtry/Cd',
  'Dt/Dt',
  'Dt/DtTm',
  'Acct/Id/IBAN',
  'Acct/Id/Othr/Id',
  'Acct/Ccy',
  'FrToDt/FrDtTm',
  'FrToDt/ToDtTm',
])

export function readCamt053(file: Buffer): BankStatement {
  if (file.length > CAMT_LIMITS.maxBytes) {
    throw new BankStatementError('too_large', `larger than ${CAMT_LIMITS.maxBytes} bytes`)
  }
  const collector = new CamtCollector()
  const parser = new SaxesParser({ xmlns: true, position: false })
  parser.on('doctype', () => {
    throw new BankStatementError('doctype', 'a statement has no document type declaration')
  })
  parser.on('opentag', (tag) => collector.open(tag as SaxesTagNS))
  parser.on('text', (text) => collector.text(text))
  parser.on('cdata', (text) => collector.text(text))
  parser.on('closetag', () => collector.close())
  parser.on('error', (error) => {
    throw new BankStatementError('not_xml', error.message)
  })
  parser.write(decodeXml(file)).close()
  return collector.statement()
}

/** Single-byte encodings some older bank systems still declare; anything else must be UTF-8. */
const SINGLE_BYTE_ENCODINGS = new Set(['iso-8859-1', 'latin1', 'iso-8859-15', 'windows-1252'])
const DECLARED_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.-]+)["']/

function decodeXml(file: Buffer) {
  const declared = DECLARED_ENCODING.exec(file.subarray(0, 200).toString('latin1'))?.[1]
  const encoding = declared?.toLowerCase() ?? 'utf-8'
  if (SINGLE_BYTE_ENCODINGS.has(encoding)) return iconv.decode(file, encoding)
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    throw new BankStatementError('not_xml', `the encoding ${declared} is not read`)
  }
  return new TextDecoder('utf-8').decode(file).replace(/^\uFEFF/, '')
}

/** Builds the statement from the SAX events; only text at wanted paths is kept. */
class CamtCollector {
  private path: string[] = []
  private format?: BankStatement['format']
  private textBuffer = ''
  private statementFields: Fields = new Map()
  private balances: Fields[] = []
  private entries: Fields[] = []
  private entryCurrencies: string[] = []
  /** Each entry's TxDtls, read apart so a batch of card payments splits into its payments. */
  private transactions: Fields[][] = []
  private transactionCount = 0
  /** Where the current entry, balance or statement begins in `path`. */
  private scope?: { kind: 'Ntry' | 'Bal' | 'Stmt'; depth: number; fields: Fields }
  private statementDepth = -1

  open(tag: SaxesTagNS) {
    if (this.path.length === 0) {
      const version = CAMT_NAMESPACES[tag.uri as keyof typeof CAMT_NAMESPACES]
      if (tag.local !== 'Document' || !version) {
        throw new BankStatementError('unknown_format', 'not a camt.053 statement')
      }
      this.format = version
    }
    this.path.push(tag.local)
    if (this.path.length > CAMT_LIMITS.maxDepth) {
      throw new BankStatementError('too_deep', `nested deeper than ${CAMT_LIMITS.maxDepth}`)
    }
    this.textBuffer = ''
    if (tag.local === 'Stmt' && this.statementDepth < 0) {
      this.statementDepth = this.path.length
      this.scope = { kind: 'Stmt', depth: this.path.length, fields: this.statementFields }
    } else if (tag.local === 'Ntry' && this.scope?.kind === 'Stmt') {
      if (this.entries.length >= CAMT_LIMITS.maxEntries) {
        throw new BankStatementError('too_many_entries', `over ${CAMT_LIMITS.maxEntries} entries`)
      }
      this.entries.push(new Map())
      this.transactions.push([])
      this.scope = { kind: 'Ntry', depth: this.path.length, fields: this.entries.at(-1)! }
    } else if (tag.local === 'Bal' && this.scope?.kind === 'Stmt') {
      this.balances.push(new Map())
      this.scope = { kind: 'Bal', depth: this.path.length, fields: this.balances.at(-1)! }
    }
    if (this.scope?.kind === 'Ntry' && this.relativePath() === 'Amt') {
      this.entryCurrencies[this.entries.length - 1] = tag.attributes.Ccy?.value ?? ''
    }
    if (this.scope?.kind === 'Ntry' && this.relativePath() === TRANSACTION) {
      if (++this.transactionCount > CAMT_LIMITS.maxEntries) {
        throw new BankStatementError('too_many_entries', `over ${CAMT_LIMITS.maxEntries} entries`)
      }
      this.transactions.at(-1)!.push(new Map())
    }
  }

  text(text: string) {
    if (this.scope) this.textBuffer += text
  }

  close() {
    const scope = this.scope
    if (scope && this.path.length > scope.depth) {
      const relative = this.relativePath()
      if (WANTED.has(relative)) {
        const values = scope.fields.get(relative) ?? []
        values.push(this.textBuffer.trim())
        scope.fields.set(relative, values)
        if (scope.kind === 'Ntry' && relative.startsWith(`${TRANSACTION}/`)) {
          const transaction = this.transactions.at(-1)!.at(-1)!
          const key = relative.slice(TRANSACTION.length + 1)
          transaction.set(key, [...(transaction.get(key) ?? []), this.textBuffer.trim()])
        }
      }
    }
    if (scope && this.path.length === scope.depth) {
      this.scope =
        scope.kind === 'Stmt'
          ? undefined
          : { kind: 'Stmt', depth: this.statementDepth, fields: this.statementFields }
    }
    this.textBuffer = ''
    this.path.pop()
  }

  statement(): BankStatement {
    if (!this.format || this.statementDepth < 0) {
      throw new BankStatementError('unknown_format', 'the file holds no statement')
    }
    const first = (fields: Fields, key: string) => fields.get(key)?.[0] || undefined
    const account =
      first(this.statementFields, 'Acct/Id/IBAN') ?? first(this.statementFields, 'Acct/Id/Othr/Id')
    const currency = first(this.statementFields, 'Acct/Ccy') ?? this.entryCurrencies[0] ?? 'DKK'
    const balance = (code: string) => {
      const found = this.balances.find((fields) => first(fields, 'Tp/CdOrPrtry/Cd') === code)
      return found ? signedAmount(found, 0) : undefined
    }
    const entries = this.entries.flatMap((fields, index) =>
      splitBatch(
        toEntry(fields, index, this.entryCurrencies[index] || currency),
        fields,
        this.transactions[index]
      )
    )
    return {
      format: this.format,
      account,
      currency,
      openingBalanceOre: balance('OPBD') ?? balance('PRCD'),
      closingBalanceOre: balance('CLBD'),
      from: first(this.statementFields, 'FrToDt/FrDtTm')?.slice(0, 10),
      to: first(this.statementFields, 'FrToDt/ToDtTm')?.slice(0, 10),
      entries: fingerprintEntries(account, entries),
    }
  }

  private relativePath() {
    return this.path.slice(this.scope!.depth).join('/')
  }
}

function signedAmount(fields: Fields, index: number, amountPath = 'Amt') {
  const text = fields.get(amountPath)?.[0] ?? ''
  const ore = parseCamtAmountToOre(text)
  if (ore === null) {
    throw new BankStatementError('bad_amount', `"${text}" is not an amount`, index + 1)
  }
  return fields.get('CdtDbtInd')?.[0] === 'DBIT' ? -ore : ore
}

function toEntry(fields: Fields, index: number, currency: string): UnfingerprintedEntry {
  const all = (key: string) => (fields.get(key) ?? []).filter((value) => value !== '')
  const line = index + 1
  const bookingDate = (all('BookgDt/Dt')[0] ?? all('BookgDt/DtTm')[0])?.slice(0, 10)
  if (!bookingDate || !/^\d{4}-\d{2}-\d{2}$/.test(bookingDate)) {
    throw new BankStatementError('bad_date', 'an entry without a booking date', line)
  }
  const amountOre = signedAmount(fields, index)
  const texts = [
    ...all('NtryDtls/TxDtls/RmtInf/Ustrd'),
    ...all('NtryDtls/TxDtls/AddtlTxInf'),
    ...all('AddtlNtryInf'),
  ]
  const text = [...new Set(texts)].join(' / ')
  const status = all('Sts')[0] ?? all('Sts/Cd')[0]
  const payer = all('NtryDtls/TxDtls/RltdPties/Dbtr/Nm')[0]
  const txReferences = all('NtryDtls/TxDtls/Refs/AcctSvcrRef')
  return {
    line,
    bookingDate,
    valueDate: (all('ValDt/Dt')[0] ?? all('ValDt/DtTm')[0])?.slice(0, 10),
    amountOre,
    currency,
    text,
    payerName: payer ?? all('NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm')[0],
    reference: all('NtryDtls/TxDtls/RmtInf/Strd/CdtrRefInf/Ref')[0] ?? fikIdFromCodeLine(text),
    bankReference:
      all('AcctSvcrRef')[0] ?? (txReferences.length === 1 ? txReferences[0] : undefined),
    status: status === 'BOOK' ? 'booked' : 'pending',
  }
}

/**
 * Banks book a day's FI-kort payments as one entry with a TxDtls per payer.
 * Each becomes an entry of its own, with its amount, payer and payment ID,
 * when every one gives its amount and they add up to the entry's; otherwise
 * the entry stays whole for the treasurer.
 */
function splitBatch(entry: UnfingerprintedEntry, fields: Fields, transactions: Fields[]) {
  if (transactions.length < 2) return [entry]
  const amounts = transactions.map((transaction) => {
    const path = transaction.has('AmtDtls/TxAmt/Amt') ? 'AmtDtls/TxAmt/Amt' : 'Amt'
    if (!transaction.get(path)?.[0]) return null
    if (!transaction.has('CdtDbtInd')) transaction.set('CdtDbtInd', fields.get('CdtDbtInd') ?? [])
    return signedAmount(transaction, entry.line - 1, path)
  })
  const total = amounts.reduce<number>((sum, amount) => sum + (amount ?? Number.NaN), 0)
  if (total !== entry.amountOre) return [entry]
  const entryText = (fields.get('AddtlNtryInf') ?? []).filter((value) => value !== '')
  return transactions.map((transaction, index): UnfingerprintedEntry => {
    const all = (key: string) => (transaction.get(key) ?? []).filter((value) => value !== '')
    const text = [...new Set([...all('RmtInf/Ustrd'), ...all('AddtlTxInf'), ...entryText])].join(
      ' / '
    )
    const bankReference =
      all('Refs/AcctSvcrRef')[0] ??
      (entry.bankReference ? `${entry.bankReference}/${index + 1}` : undefined)
    return {
      ...entry,
      amountOre: amounts[index]!,
      text,
      payerName: all('RltdPties/Dbtr/Nm')[0] ?? all('RltdPties/Dbtr/Pty/Nm')[0],
      reference: all('RmtInf/Strd/CdtrRefInf/Ref')[0] ?? fikIdFromCodeLine(text),
      bankReference,
    }
  })
}
