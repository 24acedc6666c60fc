import { test } from '@japa/runner'
import { Readable } from 'node:stream'
import { plainSheetRows, NotPlainXml } from '#shared/spreadsheet/plain_sheet'
import { sheetRows, type SheetContext, type SheetRow } from '#shared/spreadsheet/sheet_rows'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'

/*
| The quick reading of a sheet must give exactly what exceljs's parser gives,
| or step aside (NotPlainXml) so that parser reads it. Each sheet below is
| cut into chunks of every size from 1 to 40 characters, so tags, entities,
| attributes and text fall across chunk ends.
*/
const context: SheetContext = {
  sharedStrings: ['Delt tekst', 'Ærø & Åen'],
  styles: { getStyleModel: (id: number) => (id === 1 ? { numFmt: 'dd-mm-yyyy' } : null) },
  date1904: false,
}

const SHEETS = {
  plain: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Åbenrå &amp; Ølstykke &lt;3 &#229;&#x00E6;</t></is></c></row><row r="3"><c r="C3" s="1"><v>44211</v></c><c r="D3"><v>5790001234567</v></c><c r="E3" t="b"><v>1</v></c><c r="F3"><f>F2*2</f><v>2501</v></c><c r="G3" t='str'><v>tekst</v></c></row></sheetData></worksheet>`,
  spacing: `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet>\n  <sheetData>\n    <row r="2" spans="1:3">\n      <c r="A2" t="s"><v>1</v></c>\n      <c r="B2" t="inlineStr"><is><t xml:space="preserve">  to  linjer\nher </t></is></c>\n    </row>\n  </sheetData>\n</worksheet>`,
  cdata: `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b]]></t></is></c></row></sheetData></worksheet>`,
  comment: `<?xml version="1.0"?><worksheet><!-- skrevet i hånden --><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
  carriageReturn: `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row></sheetData></worksheet>`,
}

function chunked(text: string, size: number) {
  const pieces: string[] = []
  for (let start = 0; start < text.length; start += size)
    pieces.push(text.slice(start, start + size))
  return Readable.from(pieces, { objectMode: true })
}

async function collect(rows: AsyncIterable<SheetRow>) {
  const all: SheetRow[] = []
  for await (const row of rows) all.push(row)
  return JSON.parse(JSON.stringify(all))
}

test.group('The quick sheet reading | against exceljs’s parser', () => {
  for (const [name, xml] of Object.entries(SHEETS)) {
    test(`${name}: the same rows in every chunking, or a step aside`, async ({ assert }) => {
      const expected = await collect(sheetRows(chunked(xml, xml.length), context))
      let readQuickly = 0
      for (let size = 1; size <= 40; size++) {
        try {
          const quick = await collect(plainSheetRows(chunked(xml, size), context))
          assert.deepEqual(quick, expected, `chunks of ${size}`)
          readQuickly++
        } catch (error) {
          if (!(error instanceof NotPlainXml)) throw error
        }
      }
      // What spreadsheet programs write is read the quick way, whatever the chunking.
      if (name === 'plain' || name === 'spacing') assert.equal(readQuickly, 40)
    })
  }

  test('a sheet with a comment or CDATA is left to the full parser', async ({ assert }) => {
    for (const xml of [SHEETS.cdata, SHEETS.comment]) {
      await assert.rejects(() => collect(plainSheetRows(chunked(xml, 7), context)), NotPlainXml)
    }
  })
})

test.group('Reading a workbook | Danish letters across every boundary', () => {
  test('5,000 rows of names full of æ, ø and å come back letter for letter', async ({ assert }) => {
    const names = Array.from(
      { length: 5_000 },
      (_, index) => `${'Æblegårdens Ørestad Åkande '.slice(0, 5 + (index % 23))}${index} ÆØÅ`
    )
    const file = await writeXlsx({
      sheetName: 'Medlemmer',
      columns: [{ header: 'Navn', kind: 'text' }],
      rows: names.map((name) => [name]),
    })
    const table = await readSpreadsheet(file, 'medlemmer.xlsx')
    assert.deepEqual(
      table.rows.map((row) => row.values.Navn),
      names
    )
  })
})
