import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import type { SpreadsheetExport } from '#shared/spreadsheet/spreadsheet_export'
import { writeCsv } from '#shared/spreadsheet/write_csv'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'

const register: SpreadsheetExport = {
  sheetName: 'Medlemmer',
  columns: [
    { header: 'Navn', kind: 'text' },
    { header: 'CVR', kind: 'text' },
    { header: 'EAN', kind: 'text' },
    { header: 'Postnr', kind: 'text' },
    { header: 'Telefon', kind: 'text' },
    { header: 'Indmeldt', kind: 'date' },
    { header: 'Kontingent', kind: 'number' },
    { header: 'Bemærkning', kind: 'text', width: 30 },
  ],
  rows: [
    [
      'Ærø Idrætsforening',
      '87654303',
      '5798000102033',
      '0800',
      '+45 20 55 66 77',
      '2021-01-15',
      1250.5,
      'Første linje\nAnden linje',
    ],
    ['Østerbro Beboerforening', null, '', '5970', '=SUM(A1)', new Date(1999, 11, 31), 300, '@navn'],
    ['Café Åen', 12345674, 5790001234567, '2100', "'-5", undefined, null, '"Citat"; semikolon'],
  ],
}

test.group('writeXlsx', () => {
  test('reads back as exactly the text that was written', async ({ assert }) => {
    const table = await readSpreadsheet(await writeXlsx(register), 'register.xlsx')
    assert.include(table, { format: 'xlsx', sheet: 'Medlemmer' })
    assert.deepEqual(
      table.headers,
      register.columns.map((column) => column.header)
    )
    assert.deepEqual(table.rows, [
      {
        line: 2,
        values: {
          Navn: 'Ærø Idrætsforening',
          CVR: '87654303',
          EAN: '5798000102033',
          Postnr: '0800',
          Telefon: '+45 20 55 66 77',
          Indmeldt: '2021-01-15',
          Kontingent: '1250,5',
          Bemærkning: 'Første linje\nAnden linje',
        },
      },
      {
        line: 3,
        values: {
          Navn: 'Østerbro Beboerforening',
          CVR: '',
          EAN: '',
          Postnr: '5970',
          Telefon: '=SUM(A1)',
          Indmeldt: '1999-12-31',
          Kontingent: '300',
          Bemærkning: '@navn',
        },
      },
      {
        line: 4,
        values: {
          Navn: 'Café Åen',
          CVR: '12345674',
          EAN: '5790001234567',
          Postnr: '2100',
          Telefon: "'-5",
          Indmeldt: '',
          Kontingent: '',
          Bemærkning: '"Citat"; semikolon',
        },
      },
    ])
  })

  test("writes the same cells whatever the server's time zone", async ({ assert }) => {
    const zone = process.env.TZ
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz
        const dates = {
          ...register,
          rows: [[...register.rows[0].slice(0, 5), new Date(2021, 0, 15), 1, '']],
        }
        const table = await readSpreadsheet(await writeXlsx(dates), 'a.xlsx')
        assert.equal(table.rows[0].values.Indmeldt, '2021-01-15', tz)
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  test('identifiers are text cells formatted as text, dates real dates, the header bold and frozen', async ({
    assert,
  }) => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await writeXlsx(register)) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Medlemmer')!
    for (const address of ['B2', 'C2', 'D2', 'E2', 'C4']) {
      assert.equal(sheet.getCell(address).type, ExcelJS.ValueType.String, address)
      assert.equal(sheet.getCell(address).numFmt, '@', address)
    }
    assert.equal(sheet.getColumn(4).numFmt, '@')
    assert.equal(sheet.getCell('F2').type, ExcelJS.ValueType.Date)
    assert.equal(sheet.getCell('F2').numFmt, 'dd-mm-yyyy')
    assert.equal(sheet.getCell('G2').value, 1250.5)
    assert.isTrue(sheet.getCell('A1').font.bold)
    assert.isTrue(sheet.getCell('H1').font.bold)
    assert.deepInclude(sheet.views[0], { state: 'frozen', ySplit: 1 })
    assert.deepEqual(sheet.autoFilter, 'A1:H1')
    // Never a formula, whatever the text.
    assert.equal(sheet.getCell('E3').value, '=SUM(A1)')
    assert.equal(sheet.getColumn(1).width, 25)
    assert.equal(sheet.getColumn(4).width, 8)
    assert.equal(sheet.getColumn(8).width, 30)
    assert.equal(workbook.created.toISOString(), '2000-01-01T00:00:00.000Z')
  })

  test('two exports of the same register are the same workbook', async ({ assert }) => {
    const first = await loadCells(await writeXlsx(register))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await loadCells(await writeXlsx(register))
    assert.deepEqual(first, second)
  }).timeout(10_000)

  test('a row with too few values, or a value no cell holds, is refused', async ({ assert }) => {
    await assert.rejects(() => writeXlsx({ ...register, rows: [['a']] }), /Row 2 has 1 values/)
    const long = { ...register, rows: [[...register.rows[0].slice(0, 7), 'x'.repeat(32_768)]] }
    await assert.rejects(() => writeXlsx(long), /does not fit/)
  })
})

test.group('writeCsv', () => {
  test("writes Kreds' CSV with Danish dates and reads back the same", async ({ assert }) => {
    const file = writeCsv(register)
    assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const lines = file.toString('utf8').slice(1).split('\r\n')
    assert.equal(
      lines[1],
      'Ærø Idrætsforening;87654303;5798000102033;0800;\'+45 20 55 66 77;15-01-2021;1250,5;"Første linje\nAnden linje"'
    )
    const table = await readSpreadsheet(file, 'register.csv')
    assert.equal(table.rows[1].values.Indmeldt, '31-12-1999')
    assert.equal(table.rows[2].values.EAN, '5790001234567')
  })
})

async function loadCells(file: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as unknown as ArrayBuffer)
  const cells: unknown[] = [workbook.created, workbook.modified, workbook.creator]
  workbook.getWorksheet(1)!.eachRow((row) => cells.push(row.values, row.getCell(1).style))
  return JSON.parse(JSON.stringify(cells))
}
