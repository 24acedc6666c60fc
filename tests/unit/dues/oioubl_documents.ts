import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { OioublError, renderOioubl } from '#dues/documents/oioubl'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'

/*
 * Documents for the OIOUBL specs, and a namespace-aware way to read the XML
 * they become.
 */

export const UBL = 'urn:oasis:names:specification:ubl:schema:xsd'
const NAMESPACES: Record<string, string> = {
  cac: `${UBL}:CommonAggregateComponents-2`,
  cbc: `${UBL}:CommonBasicComponents-2`,
}

/** A municipality's EAN with a correct GS1 check digit. */
export const EAN = '5798005770015'

export function publicInvoice(changes: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'invoice',
    number: '2026-0001',
    issueDate: '2026-01-15',
    dueDate: '2026-02-14',
    currency: 'DKK',
    seller: {
      name: 'Foreningen Kreds',
      address: 'Vestergade 12',
      postcode: '8000',
      city: 'Aarhus C',
      country: 'DK',
      cvr: '12345674',
      email: 'kasserer@kreds.dk',
      phone: null,
      bankRegNo: '1234',
      bankAccountNo: '0012345678',
      paymentReference: 'Faktura 2026-0001',
    },
    buyer: {
      name: 'Aarhus Kommune',
      address: 'Rådhuspladsen 2',
      postcode: '8000',
      city: 'Aarhus C',
      country: 'DK',
      cvr: '55133018',
      email: null,
      ean: EAN,
      reference: 'Ordre 4711',
    },
    lines: [
      {
        description: 'Kontingent 2026',
        quantity: 1,
        unitOre: 125000,
        amountOre: 125000,
        period: { start: '2026-01-01', end: '2026-12-31' },
      },
    ],
    vat: { exempt: true, reason: 'Momsfritaget efter momslovens § 13, stk. 1, nr. 4' },
    netOre: 125000,
    vatOre: 0,
    totalOre: 125000,
    creditedInvoice: null,
    note: null,
    ...changes,
  }
}

export function withBuyer(changes: Partial<InvoiceDocument['buyer']>) {
  const document = publicInvoice()
  return { ...document, buyer: { ...document.buyer, ...changes } }
}

export function creditNote() {
  return publicInvoice({
    kind: 'credit_note',
    number: '2026-0002',
    issueDate: '2026-03-01',
    dueDate: null,
    creditedInvoice: { number: '2026-0001', issueDate: '2026-01-15' },
  })
}

/** FI-kort +71 for invoice 2026-0001 to creditor 81234567. */
export const FIK = { paymentId: fikPaymentIdFor('2026-0001'), creditorNo: '81234567' }

export function fikInvoice(changes: Partial<InvoiceDocument> = {}) {
  return publicInvoice({ fik: FIK, ...changes })
}

/** Parses with a real, namespace-aware parser that stops at any problem. */
export function parse(xml: string) {
  const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(
    xml,
    'application/xml'
  )
  return document.documentElement!
}

export function childElements(parent: Element) {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1)
}

/** Elements at a path of prefixed names ("cac:Party/cbc:Name"), matched by namespace URI. */
export function find(root: Element, path: string) {
  return path.split('/').reduce<Element[]>(
    (parents, step) => {
      const [prefix, localName] = step.split(':')
      return parents.flatMap((parent) =>
        childElements(parent).filter(
          (child) => child.namespaceURI === NAMESPACES[prefix] && child.localName === localName
        )
      )
    },
    [root]
  )
}

export function one(root: Element, path: string) {
  const found = find(root, path)
  if (found.length !== 1) throw new Error(`${path}: expected one element, found ${found.length}`)
  return found[0]
}

export const text = (root: Element, path: string) => one(root, path).textContent
export const texts = (root: Element, path: string) =>
  find(root, path).map((node) => node.textContent)

/** The reason rendering refused a document; a document that renders fails the test. */
export function refusal(attempt: () => unknown) {
  try {
    attempt()
  } catch (error) {
    if (error instanceof OioublError) return error.reason
    throw error
  }
  throw new Error('the document was rendered, not refused')
}

/**
 * Renders OIOUBL and keeps each file with the title of the test that rendered it, so a spec
 * can run every file it rendered through the schematron at the end.
 */
export function recordingRenderer(currentTest: () => string) {
  const rendered: { test: string; xml: string }[] = []
  function render(document: InvoiceDocument) {
    const xml = renderOioubl(document)
    rendered.push({ test: currentTest(), xml })
    return xml
  }
  return { rendered, render }
}
