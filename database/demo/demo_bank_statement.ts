import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import AssociationSettings from '#association/models/association_settings'
import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { danishIban } from '#shared/iban'

/**
 * A camt.053.001.02 statement as a Danish bank would send it the morning
 * after a few days of payments for the demo's open invoices, so the
 * treasurer can try the bank import without a bank. Each payment shows one
 * of the ways the import recognises an invoice; a grant and two debits are
 * there so that not everything on the account is dues.
 */

export type DemoStatementInvoice = { number: string; openOre: number; organisationName: string }

export type DemoStatementAccount = { iban: string; ownerName: string }

/** A well-formed IBAN for the demo when the association has no bank account in its settings. */
export const DEMO_IBAN = 'DK5000400440116243'

const OPENING_BALANCE_ORE = 4_825_000
const GRANT_ORE = 2_500_000
const FEE_ORE = 4_500
const RENT_ORE = 450_000
/** Payments arrive over this many days, the last one the day before the statement. */
const SPAN_DAYS = 4

/** How a payer pays: the FI-kort code line, part of the amount, or without any reference. */
type Role = 'fik' | 'partial' | 'payer_name' | 'invoice_number'

/*
 * The first invoice and every invoice from the fifth on are paid by FI-kort,
 * as most members pay; the second to fourth show the other ways, so even a
 * demo with only a few open invoices shows each rule the import has.
 */
function roleFor(index: number): Role {
  return (['fik', 'partial', 'payer_name', 'invoice_number'] as const)[index] ?? 'fik'
}

type Entry = {
  amountOre: number
  payerName?: string
  creditorName?: string
  reference?: string
  text?: string
  entryText?: string
}

function paymentFor(invoice: DemoStatementInvoice, role: Role): Entry {
  const payer = invoice.organisationName
  switch (role) {
    case 'fik':
      return {
        amountOre: invoice.openOre,
        payerName: payer,
        reference: fikPaymentIdFor(invoice.number),
        entryText: 'Indbetalingskort 71',
      }
    case 'partial':
      return {
        amountOre: partOf(invoice.openOre),
        payerName: payer,
        text: `Faktura ${invoice.number} 1. rate`,
      }
    case 'invoice_number':
      return { amountOre: invoice.openOre, payerName: payer, text: `Kontingent ${invoice.number}` }
    case 'payer_name':
      // Banks often pass the payer's name on in capitals, and the payer wrote no reference.
      return {
        amountOre: invoice.openOre,
        payerName: payer.toLocaleUpperCase('da-DK'),
        text: 'Kontingent',
      }
  }
}

/** About half, in whole kroner, and always less than what is owed. */
function partOf(openOre: number) {
  const half = Math.floor(openOre / 2 / 100) * 100
  return half > 0 ? half : Math.max(1, Math.floor(openOre / 2))
}

/**
 * The statement's XML. Pure: the same invoices, day and account give the
 * same file. Entries are booked on the SPAN_DAYS days before `today`, never
 * before `notBefore` (the day after the latest invoice was issued) and never
 * after `today`.
 */
export function buildDemoBankStatement(
  invoices: DemoStatementInvoice[],
  today: DateTime,
  account: DemoStatementAccount = { iban: DEMO_IBAN, ownerName: 'Social Talks' },
  notBefore?: DateTime
) {
  const payments = invoices
    .filter((invoice) => invoice.openOre > 0)
    .map((invoice, index) => paymentFor(invoice, roleFor(index)))
  const middle = Math.ceil(payments.length / 2)
  const day = danishDay(today)
  const entries: Entry[] = [
    { amountOre: -RENT_ORE, creditorName: 'Vesterbro Ejendomme ApS', text: rentText(day) },
    ...payments.slice(0, middle),
    { amountOre: GRANT_ORE, payerName: 'Socialstyrelsen', text: 'Tilskud fra puljen' },
    ...payments.slice(middle),
    { amountOre: -FEE_ORE, entryText: 'Gebyr' },
  ]
  const dates = entries.map((_, index) => dayForEntry(index, entries.length, day, notBefore))
  const closingOre = entries.reduce((sum, entry) => sum + entry.amountOre, OPENING_BALANCE_ORE)
  const created = day.set({ hour: 6, minute: 15 })
  const first = dates[0]
  const last = dates.at(-1)!
  const id = `KREDSDEMO${compact(day)}`

  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>${id}</MsgId>
      <CreDtTm>${timestamp(created)}</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>${id}-1</Id>
      <ElctrncSeqNb>1</ElctrncSeqNb>
      <CreDtTm>${timestamp(created)}</CreDtTm>
      <FrToDt>
        <FrDtTm>${timestamp(first.startOf('day'))}</FrDtTm>
        <ToDtTm>${timestamp(last.endOf('day').set({ millisecond: 0 }))}</ToDtTm>
      </FrToDt>
      <Acct>
        <Id>
          <IBAN>${escapeXml(account.iban)}</IBAN>
        </Id>
        <Ccy>DKK</Ccy>
        <Ownr>
          <Nm>${escapeXml(account.ownerName)}</Nm>
        </Ownr>
      </Acct>
${balance('OPBD', OPENING_BALANCE_ORE, first)}
${balance('CLBD', closingOre, last)}
${entries.map((entry, index) => entryXml(entry, index, dates[index])).join('\n')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`
}

/** The calendar day as a Dane reads it, whatever zone the DateTime came in. */
function danishDay(date: DateTime) {
  return DateTime.fromISO(date.toISODate()!, { zone: 'Europe/Copenhagen' })
}

/** Spreads the entries evenly over the days, in order, within the bounds. */
function dayForEntry(index: number, count: number, today: DateTime, notBefore?: DateTime) {
  const offset = SPAN_DAYS - Math.floor((index * SPAN_DAYS) / count)
  let date = today.minus({ days: offset })
  const earliest = notBefore ? danishDay(notBefore) : undefined
  if (earliest && date < earliest) date = earliest
  return date > today ? today : date
}

function balance(code: 'OPBD' | 'CLBD', ore: number, date: DateTime) {
  return `      <Bal>
        <Tp>
          <CdOrPrtry>
            <Cd>${code}</Cd>
          </CdOrPrtry>
        </Tp>
        <Amt Ccy="DKK">${kroner(ore)}</Amt>
        <CdtDbtInd>${ore < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Dt>
          <Dt>${date.toISODate()}</Dt>
        </Dt>
      </Bal>`
}

function entryXml(entry: Entry, index: number, date: DateTime) {
  const credit = entry.amountOre >= 0
  const parties = entry.payerName
    ? `<Dbtr>\n                <Nm>${escapeXml(entry.payerName)}</Nm>\n              </Dbtr>`
    : entry.creditorName
      ? `<Cdtr>\n                <Nm>${escapeXml(entry.creditorName)}</Nm>\n              </Cdtr>`
      : undefined
  const remittance = entry.reference
    ? `<Strd>
                <CdtrRefInf>
                  <Tp>
                    <CdOrPrtry>
                      <Prtry>71</Prtry>
                    </CdOrPrtry>
                  </Tp>
                  <Ref>${entry.reference}</Ref>
                </CdtrRefInf>
              </Strd>`
    : entry.text
      ? `<Ustrd>${escapeXml(entry.text)}</Ustrd>`
      : undefined
  const details =
    parties || remittance
      ? `
        <NtryDtls>
          <TxDtls>${parties ? `\n            <RltdPties>\n              ${parties}\n            </RltdPties>` : ''}${remittance ? `\n            <RmtInf>\n              ${remittance}\n            </RmtInf>` : ''}
          </TxDtls>
        </NtryDtls>`
      : ''
  const info = entry.entryText
    ? `\n        <AddtlNtryInf>${escapeXml(entry.entryText)}</AddtlNtryInf>`
    : ''
  return `      <Ntry>
        <NtryRef>${index + 1}</NtryRef>
        <Amt Ccy="DKK">${kroner(Math.abs(entry.amountOre))}</Amt>
        <CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>${date.toISODate()}</Dt>
        </BookgDt>
        <ValDt>
          <Dt>${date.toISODate()}</Dt>
        </ValDt>
        <AcctSvcrRef>KD${compact(date)}${String(index + 1).padStart(5, '0')}</AcctSvcrRef>${details}${info}
      </Ntry>`
}

function rentText(today: DateTime) {
  return `Husleje ${today.setLocale('da').toFormat('LLLL yyyy')}`
}

/** camt amounts: a dot and two decimals, no sign (CdtDbtInd carries it). */
function kroner(ore: number) {
  const abs = Math.abs(ore)
  return `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

function compact(date: DateTime) {
  return date.toFormat('yyyyMMdd')
}

function timestamp(date: DateTime) {
  return date.toISO({ suppressMilliseconds: true })!
}

function escapeXml(text: string) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

/** Where the demo statement is written: the treasurer picks it in the browser. */
export function demoBankStatementPath() {
  return app.tmpPath('demo', 'kontoudtog-demo.xml')
}

/** Writes the statement for the invoices still open; returns the file's path. */
export async function seedDemoBankStatement() {
  const today = danishToday()
  const invoices = await Invoice.query()
    .where('kind', 'invoice')
    .preload('organisation')
    .orderBy('number')
  const balances = await getBalances(invoices, today)
  const open = invoices.filter((invoice) => (balances.get(invoice.id)?.balanceOre ?? 0) > 0)
  const latestIssue = open.reduce<DateTime | undefined>(
    (latest, invoice) => (!latest || invoice.issueDate > latest ? invoice.issueDate : latest),
    undefined
  )
  const settings = await AssociationSettings.query().first()
  const iban =
    (settings?.bankRegNo && settings.bankAccountNo
      ? danishIban(settings.bankRegNo, settings.bankAccountNo)
      : null) ?? DEMO_IBAN
  const xml = buildDemoBankStatement(
    open.map((invoice) => ({
      number: invoice.number,
      openOre: balances.get(invoice.id)!.balanceOre,
      organisationName: invoice.organisation.name,
    })),
    today,
    { iban, ownerName: settings?.name ?? 'Social Talks' },
    latestIssue?.plus({ days: 1 })
  )
  const path = demoBankStatementPath()
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, xml)
  return path
}
