import { test } from '@japa/runner'
import danish from 'hyphen/da/index.js'
import { buffer } from 'node:stream/consumers'
import { DateTime } from 'luxon'
import { FONT } from '#shared/pdf/fonts'
import { MARGIN, SIZE, drawPageFooters, openPdf } from '#shared/pdf/page_frame'
import { drawTable, type TableLayout } from '#shared/pdf/table'
import { drawParagraphs } from '#shared/pdf/text'
import { breakLongWords } from '#shared/pdf/wrap'
import { renderReconciliationPdf } from '#dues/documents/reconciliation_pdf'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { PDF_TOOLS, layoutPages } from '#tests/helpers/poppler'
import {
  IBAN,
  LONG_EMAIL,
  LONG_WORD,
  reconciliationDocument,
  registerDocument,
  registerRow,
} from '#tests/helpers/pdf_documents'
import { databaseFree } from '#tests/helpers/database_free'

/*
 * How text meets the edge of a column and of a page: a long word breaks with
 * a hyphen, an address at its own separators, and no page is left holding
 * nothing but its footer.
 */

const SOFT_HYPHEN = '\u00AD'
const ZERO_WIDTH_SPACE = '\u200B'

async function scratchDoc() {
  const doc = await openPdf({ title: 'Prøve', author: 'Kreds', createdAt: new Date(0) })
  doc.font(FONT.regular).fontSize(SIZE.body)
  return doc
}

/** The first column of each `pdftotext -layout` line. */
function firstColumn(page: string) {
  return page.split('\n').map((line) => line.trim().split(/\s{2,}/)[0] ?? '')
}

/** The lines a word was printed over, from the one it starts on. */
function fragmentsOf(lines: string[], word: string) {
  const start = lines.findIndex(
    (line) => line.length > 2 && word.startsWith(line.replace(/-$/, ''))
  )
  const fragments: string[] = []
  let joined = ''
  for (const line of lines.slice(start)) {
    fragments.push(line)
    joined += line.replace(/-$/, '')
    if (joined.length >= word.length) break
  }
  return { fragments, joined }
}

test.group('PDF text: long words', (group) => {
  databaseFree(group)
  test('a Danish word too long for its column gets soft hyphens at syllables', async ({
    assert,
  }) => {
    const doc = await scratchDoc()
    const width = 90
    const broken = breakLongWords(doc, LONG_WORD, width)
    const pieces = broken.split(SOFT_HYPHEN)
    assert.isAbove(pieces.length, 1)
    assert.equal(pieces.join(''), LONG_WORD)
    // As PDFKit measures a line ending in a soft hyphen (its glyph and the hyphen printed for
    // it): each line fits, and no two would fit together, so no soft hyphen is left mid-line.
    const measure = (text: string, last: boolean) =>
      last ? doc.widthOfString(text) : doc.widthOfString(`${text}${SOFT_HYPHEN}-`)
    for (const [index, piece] of pieces.entries()) {
      const last = index === pieces.length - 1
      assert.isAtMost(measure(piece, last), width)
      if (!last) {
        assert.isAbove(measure(piece + pieces[index + 1], index + 1 === pieces.length - 1), width)
      }
    }
    // Every break falls where the Danish hyphenation patterns allow one, never mid-syllable.
    const allowed = new Set<number>()
    let at = 0
    for (const syllable of danish.hyphenateSync(LONG_WORD, { hyphenChar: '|' }).split('|')) {
      at += syllable.length
      allowed.add(at)
    }
    let end = 0
    for (const piece of pieces.slice(0, -1)) {
      end += piece.length
      assert.isTrue(allowed.has(end), `"${LONG_WORD.slice(0, end)}-" breaks mid-syllable`)
    }
    doc.end()
  })

  test('addresses and IBANs break at their separators, without a hyphen', async ({ assert }) => {
    const doc = await scratchDoc()
    const email = breakLongWords(doc, LONG_EMAIL, 150)
    assert.notInclude(email, SOFT_HYPHEN)
    assert.equal(email.replaceAll(ZERO_WIDTH_SPACE, ''), LONG_EMAIL)
    assert.include(email, `@${ZERO_WIDTH_SPACE}`)

    const iban = breakLongWords(doc, IBAN, 40)
    assert.equal(iban, ['DK50', '0040', '0440', '1162', '43'].join(ZERO_WIDTH_SPACE))

    // Text that fits is left exactly as it was.
    assert.equal(breakLongWords(doc, 'Aarhus Kommune', 150), 'Aarhus Kommune')
    doc.end()
  })

  test('pdftotext shows a hyphen at every break of a long word in a table cell', async ({
    assert,
  }) => {
    const pdf = await renderVotingRegisterPdf(registerDocument([registerRow(LONG_WORD)]))
    const [page] = await layoutPages(pdf)
    const { fragments, joined } = fragmentsOf(firstColumn(page), LONG_WORD)
    assert.equal(joined, LONG_WORD)
    assert.isAbove(fragments.length, 1)
    for (const fragment of fragments.slice(0, -1)) assert.match(fragment, /-$/)
    assert.notMatch(fragments.at(-1)!, /-$/)
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('an e-mail address in a narrow column wraps whole, with no hyphen added', async ({
    assert,
  }) => {
    const pdf = await renderReconciliationPdf(
      reconciliationDocument(),
      { name: 'Social Talks' },
      DateTime.fromISO('2026-04-02T10:15:00', { zone: 'Europe/Copenhagen' })
    )
    const text = (await layoutPages(pdf)).join('\n')
    const lines = text.split('\n').map((line) => line.trim().split(/\s{2,}/))
    const cells = lines.flat()
    const start = cells.findIndex((cell) => cell.endsWith('.kontingentopkraevning@'))
    assert.isAtLeast(start, 0, 'the address breaks after its @')
    assert.include(cells, 'socialtudviklingscenter.dk')
    assert.notInclude(text, 'kontingentopkraevning-')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
})

const TABLE: TableLayout = {
  columns: [
    { header: 'Post', width: 300 },
    { header: 'Beløb', width: 195, align: 'right' },
  ],
}

/** The height of the heading row and of one row, measured by drawing them. */
async function measureTable() {
  const doc = await scratchDoc()
  const one = drawTable(doc, TABLE, [['Række 1', '1,00 kr.']], MARGIN.top) - MARGIN.top
  const two =
    drawTable(
      doc,
      TABLE,
      [
        ['Række 1', '1,00 kr.'],
        ['Række 2', '1,00 kr.'],
      ],
      MARGIN.top + 200
    ) -
    (MARGIN.top + 200)
  doc.end()
  return { header: 2 * one - two, row: two - one }
}

/** Each page's lines without its footer. */
function bodies(pages: string[]) {
  return pages.map((page) =>
    page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/Side \d+ af \d+/.test(line))
  )
}

test.group('PDF pages: no page holds only a footer', (group) => {
  databaseFree(group)
  test('a table ending exactly at the bottom takes its last row over with the totals', async ({
    assert,
  }) => {
    const { header, row } = await measureTable()
    const doc = await scratchDoc()
    const maxY = doc.page.maxY()
    const count = 20
    const top = maxY - header - count * row
    const rows = Array.from({ length: count }, (_, index) => [`Række ${index + 1}`, '1,00 kr.'])
    const totals = 60
    const bottom = drawTable(doc, TABLE, rows, top, { keepWithLast: totals })
    doc.y = bottom + 10
    drawParagraphs(doc, 'I alt 20,00 kr.\n\nUdskrevet 2. april 2026')
    drawPageFooters(doc, ['Prøve'])
    doc.end()
    const pages = bodies(await layoutPages(await buffer(doc)))

    assert.lengthOf(pages, 2)
    for (const page of pages) assert.isNotEmpty(page)
    const last = pages[1].join('\n')
    assert.include(last, 'Række 20')
    assert.include(last, 'I alt 20,00 kr.')
    assert.notInclude(last, 'Række 19')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('without the rule the same table would have left the totals alone', async ({ assert }) => {
    // The control: the geometry above really does end the table on the page's last point.
    const { header, row } = await measureTable()
    const doc = await scratchDoc()
    const maxY = doc.page.maxY()
    const rows = Array.from({ length: 20 }, (_, index) => [`Række ${index + 1}`, '1,00 kr.'])
    const bottom = drawTable(doc, TABLE, rows, maxY - header - 20 * row)
    assert.approximately(bottom, maxY, 0.01)
    assert.equal(doc.bufferedPageRange().count, 1)
    doc.end()
  })

  test('a page that got nothing but a footer is taken out before numbering', async ({ assert }) => {
    const doc = await scratchDoc()
    drawParagraphs(doc, 'Eneste afsnit.')
    doc.addPage()
    drawPageFooters(doc, ['Prøve'])
    doc.end()
    const pages = await layoutPages(await buffer(doc))
    assert.lengthOf(pages, 1)
    assert.include(pages[0], 'Side 1 af 1')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('voting registers around a full page: each page has body text, and the totals a row', async ({
    assert,
  }) => {
    const register = async (count: number) => {
      const rows = Array.from({ length: count }, (_, index) => registerRow(`Forening ${index + 1}`))
      return bodies(await layoutPages(await renderVotingRegisterPdf(registerDocument(rows))))
    }
    // How many rows the first page holds; the counts that end the table near its bottom surround it.
    const [first] = await register(70)
    const full = Math.max(...first.map((line) => Number(/^Forening (\d+)/.exec(line)?.[1] ?? 0)))
    for (let count = full - 6; count <= full + 1; count++) {
      const pages = await register(count)
      for (const [index, page] of pages.entries()) {
        assert.isNotEmpty(page, `${count} rows: page ${index + 1} holds only its footer`)
      }
      const totalsPage = pages.find((page) => page.some((line) => line.startsWith('Stemmer i alt')))
      assert.isTrue(
        totalsPage!.some((line) => /^Forening \d+/.test(line)),
        `${count} rows: the totals stand on a page without a row of the register`
      )
    }
  })
    .skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
    .timeout(120_000)
})
