import { test } from '@japa/runner'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { SPREADSHEET_LIMITS } from '#shared/spreadsheet/spreadsheet_error'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'
import { spreadsheetError, workbook } from '#tests/helpers/spreadsheet_fixtures'
import { buildZip } from '#tests/helpers/zip_builder'
import { databaseFree } from '#tests/helpers/database_free'

/*
| Workbooks built to cost the most: each must be refused, naming the limit
| it broke, within the budget. The limits are the CSV reader's, checked row
| by row as the sheet unpacks; a part that would unpack past the cap is
| refused before any of it is unpacked.
*/
const BUDGET_MS = 3_000
const MB = 1024 * 1024

async function timed<T>(work: Promise<T>) {
  const start = performance.now()
  const result = await work
  return { result, ms: performance.now() - start }
}

const text = (ref: string, value: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`

test.group('readSpreadsheet | hostile workbooks', (group) => {
  databaseFree(group)
  test('a sheet that unpacks past the cap is refused before it is unpacked', async ({ assert }) => {
    const bomb = Buffer.alloc(SPREADSHEET_LIMITS.maxPartBytes + MB, 0x20)
    const file = workbook('', [{ name: 'xl/sharedStrings.xml', data: bomb }])
    assert.isBelow(file.length, MB)
    const { result: error, ms } = await timed(spreadsheetError(readSpreadsheet(file, 'a.xlsx')))
    assert.isBelow(ms, BUDGET_MS)
    assert.include(error, { reason: 'too_large' })
    assert.deepEqual(error.params, { max: 100 })
  })

  test('a part that claims less than it holds is caught as it unpacks', async ({ assert }) => {
    const rows = `<row r="1">${text('A1', 'Navn')}</row>`.padEnd(5 * MB, ' ')
    const lying = workbook(rows, [], { declaredSize: 1000 })
    const { result: error, ms } = await timed(spreadsheetError(readSpreadsheet(lying, 'a.xlsx')))
    assert.isBelow(ms, BUDGET_MS)
    assert.equal(error.reason, 'corrupt')
  })

  test('a zip of more files than any workbook has is refused', async ({ assert }) => {
    const parts = Array.from({ length: SPREADSHEET_LIMITS.maxZipEntries + 1 }, (_, index) => ({
      name: `xl/media/image${index}.png`,
      data: '',
    }))
    const { result: error, ms } = await timed(
      spreadsheetError(readSpreadsheet(buildZip(parts), 'a.xlsx'))
    )
    assert.isBelow(ms, BUDGET_MS)
    assert.equal(error.reason, 'corrupt')
  })

  test('more than 100,000 rows stop at the row past the limit', async ({ assert }) => {
    const rows = [`<row r="1">${text('A1', 'Navn')}</row>`]
    for (let r = 2; r <= 100_003; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`)
    const file = workbook(rows.join(''))
    const { result: error, ms } = await timed(spreadsheetError(readSpreadsheet(file, 'a.xlsx')))
    assert.isBelow(ms, BUDGET_MS)
    assert.include(error, { reason: 'too_many_rows', row: 100_002 })
    assert.deepEqual(error.limit, { max: 100_000 })
  })

  test('more than 100 headers are refused', async ({ assert }) => {
    const cells = Array.from(
      { length: 101 },
      (_, index) => `<c r="${column(index + 1)}1"><v>${index}</v></c>`
    )
    const error = await spreadsheetError(
      readSpreadsheet(workbook(`<row r="1">${cells.join('')}</row>`), 'a.xlsx')
    )
    assert.include(error, { reason: 'too_many_columns', row: 1 })
    assert.deepEqual(error.limit, { max: 100, actual: 101 })
  })

  test('rows as wide as Excel allows stop at the cell limit', async ({ assert }) => {
    const rows = [`<row r="1">${text('A1', 'Navn')}</row>`]
    for (let r = 2; r <= 200; r++) rows.push(`<row r="${r}"><c r="XFD${r}" s="0"/></row>`)
    const { result: error, ms } = await timed(
      spreadsheetError(readSpreadsheet(workbook(rows.join('')), 'a.xlsx'))
    )
    assert.isBelow(ms, BUDGET_MS)
    assert.include(error, { reason: 'too_many_cells', row: 124 })
  })

  test('a value longer than a cell holds is refused', async ({ assert }) => {
    const long = 'x'.repeat(40_000)
    const file = workbook(
      `<row r="1">${text('A1', 'Navn')}</row><row r="2">${text('A2', long)}</row>`
    )
    const error = await spreadsheetError(readSpreadsheet(file, 'a.xlsx'))
    assert.include(error, { reason: 'value_too_long', row: 2 })
    assert.deepEqual(error.limit, { max: 32_767, column: 'Navn', actual: 40_000 })
  })

  // How fast is `npm run bench`'s to say (the register import of a large workbook); here, that it reads whole.
  test('10,000 rows of 25 columns are read whole', async ({ assert }) => {
    const columns = Array.from({ length: 25 }, (_, index) => ({
      header: `Kolonne ${index + 1}`,
      kind: index === 3 ? ('date' as const) : ('text' as const),
    }))
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      columns.map((c, index) => (c.kind === 'date' ? '2021-01-15' : `Værdi ${r} ${index}`))
    )
    const file = await writeXlsx({ sheetName: 'Medlemmer', columns, rows })
    const table = await readSpreadsheet(file, 'a.xlsx')
    assert.lengthOf(table.rows, 10_000)
    assert.equal(table.rows[9_999].values['Kolonne 25'], 'Værdi 9999 24')
  }).timeout(30_000)
})

function column(index: number): string {
  let name = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  }
  return name
}
