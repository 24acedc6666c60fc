import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { renderInvoicePdf } from '#dues/documents/invoice_pdf'
import { renderReconciliationPdf } from '#dues/documents/reconciliation_pdf'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { PDF_TOOLS, layoutPages, qpdfCheck } from '#tests/helpers/poppler'
import {
  flatten,
  pdfFonts,
  pdfObjects,
  pdfinfoFields,
  structureTree,
  textOf,
  xmpPacket,
} from '#tests/helpers/pdf_structure'
import {
  invoiceDocument,
  minutesDocument,
  noticeDocument,
  reconciliationDocument,
  registerDocument,
  registerRow,
} from '#tests/helpers/pdf_documents'
import { databaseFree } from '#tests/helpers/database_free'

/*
 * Every Kreds PDF is tagged: a screen reader gets its language, its title and
 * a structure of headings, paragraphs, lists and tables in reading order,
 * with the page footers left out as artifacts. Read back with poppler and
 * qpdf, not with the library that wrote it.
 */

const documents = {
  invoice: () => renderInvoicePdf(invoiceDocument()),
  creditNote: () =>
    renderInvoicePdf(
      invoiceDocument({
        kind: 'credit_note',
        number: 'K-2026-0003',
        dueDate: null,
        fik: null,
        creditedInvoice: { number: '2026-0042', issueDate: '2026-01-15' },
      })
    ),
  notice: () => renderNoticePdf(noticeDocument()),
  register: () => renderVotingRegisterPdf(registerDocument()),
  minutes: () => renderMinutesPdf(minutesDocument()),
  reconciliation: () =>
    renderReconciliationPdf(
      reconciliationDocument(),
      { name: 'Social Talks', cvr: '12345674' },
      DateTime.fromISO('2026-04-02T10:15:00', { zone: 'Europe/Copenhagen' })
    ),
}

/** The element types the document must give a reader, in this order. */
const READING_ORDER: Record<keyof typeof documents, string[]> = {
  invoice: ['H1', 'Table', 'TH', 'TD', 'Table', 'TH', 'TD', 'H2'],
  creditNote: ['H1', 'P', 'Table', 'TH', 'TD'],
  notice: ['H1', 'L', 'LI', 'Lbl', 'LBody', 'H2', 'Sect', 'H3', 'H4'],
  register: ['H1', 'L', 'Table', 'TH', 'TD', 'Table', 'TH', 'TD', 'P'],
  minutes: ['H1', 'L', 'H2', 'Table', 'TH', 'TD', 'H2', 'H2', 'Sect', 'H3', 'Div', 'H2'],
  reconciliation: ['H1', 'L', 'H2', 'Table', 'TH', 'TD', 'H2', 'Table', 'H2', 'Sect', 'H3'],
}

function inOrder(types: string[], expected: string[]) {
  let at = 0
  for (const type of types) if (type === expected[at]) at++
  return at === expected.length
}

/** Words as pdftotext reads them from the page, without the footer line, which is an artifact. */
function bodyWords(pages: string[]) {
  return pages
    .flatMap((page) => page.split('\n'))
    .filter((line) => !/Side \d+ af \d+/.test(line))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
}

test.group('Accessible PDFs: tagged structure', (group) => {
  databaseFree(group)
  for (const [name, render] of Object.entries(documents) as [
    keyof typeof documents,
    () => Promise<Buffer>,
  ][]) {
    test(`the ${name} is tagged, titled, in Danish, and read in the order it is printed`, async ({
      assert,
    }) => {
      const pdf = await render()
      await qpdfCheck(pdf)

      const info = await pdfinfoFields(pdf)
      assert.equal(info.get('Tagged'), 'yes')
      assert.isNotEmpty(info.get('Title'))

      const { catalog, resolve } = await pdfObjects(pdf)
      assert.equal(catalog['/Lang'], 'u:da')
      assert.isTrue(resolve(catalog['/MarkInfo'])['/Marked'])
      assert.isTrue(resolve(catalog['/ViewerPreferences'])['/DisplayDocTitle'])
      assert.exists(catalog['/StructTreeRoot'])
      for (const page of resolve(catalog['/Pages'])['/Kids'].map(resolve)) {
        assert.equal(page['/Tabs'], '/S')
      }

      const tree = await structureTree(pdf)
      assert.lengthOf(tree, 1)
      assert.equal(tree[0].type, 'Document')
      const elements = flatten(tree)
      const types = elements.map((element) => element.type)
      assert.isTrue(inOrder(types, READING_ORDER[name]), `${types.join(' ')}`)

      // A heading cell says what it heads; a data row holds TD cells under its TR.
      for (const heading of elements.filter((element) => element.type === 'TH')) {
        assert.match(heading.attributes.join(' '), /\/Scope \/(Column|Row)/)
      }
      for (const row of elements.filter((element) => element.type === 'TR')) {
        assert.isTrue(row.children.every((cell) => cell.type === 'TH' || cell.type === 'TD'))
      }

      // Everything printed in the body is in the tree, and the footers are not.
      const tagged = textOf(tree[0]).replace(/\s+/g, '')
      const pages = await layoutPages(pdf)
      for (const word of bodyWords(pages)) {
        assert.include(tagged, word.replace(/-$/, ''), `"${word}" is not tagged`)
      }
      assert.notMatch(tagged, /Side\d+af\d+/)
    }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
  }

  test('a table over several pages has one heading row for a reader, and every row', async ({
    assert,
  }) => {
    const rows = Array.from({ length: 70 }, (_, index) => registerRow(`Forening ${index + 1}`))
    const pdf = await renderVotingRegisterPdf(registerDocument(rows))
    const pages = await layoutPages(pdf)
    assert.isAbove(pages.length, 1)
    // Printed on every page, read once: the repeated headings are page furniture.
    assert.isTrue(pages.every((page) => page.includes('Organisation')))
    const elements = flatten(await structureTree(pdf))
    const headings = elements.filter(
      (element) => element.type === 'TH' && element.text === 'Organisation'
    )
    assert.lengthOf(headings, 1)
    const rowHeadings = elements.filter(
      (element) => element.type === 'TH' && /^Forening \d+$/.test(element.text)
    )
    assert.deepEqual(
      rowHeadings.map((element) => element.text),
      rows.map((row) => row.organisation)
    )
    assert.isTrue(rowHeadings.every((element) => element.attributes.join(' ').includes('/Row')))
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('the title bar shows the title, escaped in the XMP metadata', async ({ assert }) => {
    const pdf = await documents.notice()
    const info = await pdfinfoFields(pdf)
    assert.equal(
      info.get('Title'),
      'Indkaldelse til ordinær generalforsamling – Ordinær generalforsamling 2026 – Vedtægter & valg'
    )
    const xmp = xmpPacket(pdf)!
    assert.include(xmp, 'Vedtægter &amp; valg')
    assert.notInclude(xmp, 'Vedtægter & valg')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
})

test.group('Accessible PDFs: PDF/A for what is archived', (group) => {
  databaseFree(group)
  const archived = { invoice: documents.invoice, signedMinutes: documents.minutes }

  for (const [name, render] of Object.entries(archived)) {
    test(`the ${name} carries the PDF/A-3a markers`, async ({ assert }) => {
      const pdf = await render()
      const xmp = xmpPacket(pdf)
      assert.exists(xmp)
      assert.match(xmp!, /<pdfaid:part>3<\/pdfaid:part>/)
      assert.match(xmp!, /<pdfaid:conformance>A<\/pdfaid:conformance>/)

      const info = await pdfinfoFields(pdf)
      assert.equal(info.get('PDF version'), '1.7')
      assert.equal(info.get('Encrypted'), 'no')
      // The XMP says what the information dictionary says.
      assert.include(xmp!, `<pdf:Producer>${info.get('Producer')}</pdf:Producer>`)
      assert.include(xmp!, `<xmp:CreatorTool>${info.get('Creator')}</xmp:CreatorTool>`)

      const { catalog, resolve, trailer } = await pdfObjects(pdf)
      assert.notExists(trailer['/Encrypt'])
      const [intent] = (catalog['/OutputIntents'] as unknown[]).map(resolve)
      assert.equal(intent['/S'], '/GTS_PDFA1')
      assert.equal(resolve(intent['/DestOutputProfile'])['/N'], 3)

      const fonts = await pdfFonts(pdf)
      assert.isNotEmpty(fonts)
      for (const font of fonts) assert.isTrue(font.embedded, `${font.name} is not embedded`)
    }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
  }

  test('the signed text is attached as the source of the signatures', async ({ assert }) => {
    const pdf = await documents.minutes()
    const { catalog, resolve } = await pdfObjects(pdf)
    const [file] = (catalog['/AF'] as unknown[]).map(resolve)
    assert.equal(file['/AFRelationship'], '/Source')
    assert.equal(file['/F'], 'u:referat-v1.json')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('a notice, sent and not archived, is tagged but not PDF/A', async ({ assert }) => {
    const pdf = await documents.notice()
    assert.notMatch(xmpPacket(pdf) ?? '', /pdfaid/)
    for (const font of await pdfFonts(pdf)) assert.isTrue(font.embedded)
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('unsigned minutes are a draft, not PDF/A', async ({ assert }) => {
    const pdf = await renderMinutesPdf({ ...minutesDocument(), signatures: [] })
    assert.notMatch(xmpPacket(pdf) ?? '', /pdfaid/)
  })
})
