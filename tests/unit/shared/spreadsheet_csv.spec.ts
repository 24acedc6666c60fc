import { test } from '@japa/runner'
import iconv from 'iconv-lite'
import i18nManager from '@adonisjs/i18n/services/main'
import { describeProblem } from '#shared/csv/describe_problem'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { readSpreadsheetOrProblem } from '#shared/spreadsheet/spreadsheet_problem'
import { spreadsheetError, spreadsheetFixture } from '#tests/helpers/spreadsheet_fixtures'

const KREDS_HEADERS = [
  'Navn',
  'Type',
  'Juridisk form',
  'CVR',
  'EAN',
  'Adresse',
  'Postnr',
  'By',
  'Hjemmeside',
  'Kontingentgruppe',
  'Status',
  'Indmeldt',
  'Udmeldt',
  'Kontaktperson',
  'E-mail',
  'Telefon',
]

test.group('readSpreadsheet | CSV as tools save it', () => {
  test('{0}: {1}, "{2}"')
    .with([
      ['kreds_export.csv', 'utf-8-bom', ';', '15-01-2021'],
      ['calc_resaved.csv', 'utf-8', ';', '15-01-21'],
      ['calc_windows1252.csv', 'windows-1252', ';', '15-01-21'],
      ['calc_unicode_text.txt', 'utf-16le', '\t', '15-01-21'],
    ] as const)
    .run(async ({ assert }, [name, encoding, delimiter, joined]) => {
      const table = await readSpreadsheet(spreadsheetFixture(name), name)
      assert.include(table, { format: 'csv', encoding, delimiter })
      assert.deepEqual(table.headers, KREDS_HEADERS)
      assert.lengthOf(table.rows, 10)
      const union = table.rows.find((row) => row.values.Navn === 'Dansk Socialrådgiverforening')
      assert.deepInclude(union, { line: 3 })
      assert.equal(union?.values.Indmeldt, joined)
      assert.equal(union?.values.By, 'København')
      assert.equal(union?.values.Telefon, "'+45 20 55 66 77")
    })

  test('Excel\'s "CSV (semikolonsepareret)": Windows-1252, padding and a shortened EAN', async ({
    assert,
  }) => {
    const table = await readSpreadsheet(spreadsheetFixture('excel_semikolon.csv'), 'medlemmer.csv')
    assert.include(table, { encoding: 'windows-1252', delimiter: ';' })
    assert.deepEqual(table.headers, [
      'Navn',
      'CVR',
      'EAN',
      'Postnr',
      'Indmeldt',
      'Kontingent',
      'Telefon',
      'Bemærkning',
    ])
    // The two padded rows below the data are not rows.
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [2, 3, 4]
    )
    assert.deepInclude(table.rows[0].values, {
      Navn: 'Ærø Idrætsforening',
      EAN: '5,79800E+12',
      Indmeldt: '15-01-2021',
      Kontingent: '1.250,50',
      Bemærkning: 'Første linje\nAnden linje',
    })
    assert.deepInclude(table.rows[1].values, { Postnr: '800', Bemærkning: 'Siger "hej";' })
  })

  test('Excel\'s "CSV UTF-8" and "Unicode-tekst", and Numbers', async ({ assert }) => {
    const utf8 = await readSpreadsheet(spreadsheetFixture('excel_utf8.csv'), 'a.csv')
    assert.include(utf8, { encoding: 'utf-8-bom', delimiter: ';' })
    assert.equal(utf8.rows[1].values.Navn, 'Łódź Polonia')

    const unicode = await readSpreadsheet(spreadsheetFixture('excel_unicode_text.txt'), 'a.txt')
    assert.include(unicode, { encoding: 'utf-16le', delimiter: '\t' })
    assert.equal(unicode.rows[0].values.Bemærkning, 'Første linje\nAnden linje')
    assert.equal(unicode.rows[1].values.Bemærkning, 'Med\ttabulator')

    const numbers = await readSpreadsheet(spreadsheetFixture('numbers_da.csv'), 'a.csv')
    assert.include(numbers, { encoding: 'utf-8', delimiter: ';' })
    assert.deepInclude(numbers.rows[1].values, { Postnr: '0800', Indmeldt: '31.12.1999' })
  })

  test("Calc's CSV with dates written 15.1.2021", async ({ assert }) => {
    const table = await readSpreadsheet(spreadsheetFixture('calc_dot_dates.csv'), 'a.csv')
    assert.deepEqual(
      table.rows.map((row) => row.values.Indmeldt),
      ['15.1.2021', '31.12.1999', '29.2.2024']
    )
    assert.equal(table.rows[0].values.Bemærkning, 'Første linje\nAnden linje')
  })

  test('UTF-16 big-endian, and UTF-16 without a BOM', async ({ assert }) => {
    const text = 'Navn\tBy\r\nÆblegården\tÅrhus\r\n'
    const littleEndian = Buffer.from(text, 'utf16le')
    const bigEndian = Buffer.from(littleEndian).swap16()
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]), 'utf-16be'],
      [bigEndian, 'utf-16be'],
      [littleEndian, 'utf-16le'],
    ] as const) {
      const table = await readSpreadsheet(bytes, 'a.txt')
      assert.include(table, { encoding, delimiter: '\t' })
      assert.deepEqual(table.rows[0].values, { Navn: 'Æblegården', By: 'Århus' })
    }
  })

  test('the separator is the one the header uses outside quotes', async ({ assert }) => {
    const cases = [
      ['Navn;By\nA;B\n', ';'],
      ['Navn,By\nA,B\n', ','],
      ['Navn\tBy\nA\tB\n', '\t'],
      ['"Navn; fuldt";"By, land"\nA;B\n', ';'],
      ['"Navn, fuldt"\t"By; land"\nA\tB\n', '\t'],
    ] as const
    for (const [text, delimiter] of cases) {
      const table = await readSpreadsheet(iconv.encode(text, 'windows-1252'), 'a.csv')
      assert.equal(table.delimiter, delimiter, text)
      assert.lengthOf(table.headers, 2)
    }
  })

  test('a tab file with trailing empty tabs and rows reads as its data', async ({ assert }) => {
    const text = 'Navn\tBy\t\t\r\nA\tB\t\t\r\n\t\t\t\r\n\t\t\t\r\n'
    const table = await readSpreadsheet(Buffer.from('\uFEFF' + text, 'utf16le'), 'a.txt')
    assert.deepEqual(table.headers, ['Navn', 'By'])
    assert.deepEqual(table.rows, [{ line: 2, values: { Navn: 'A', By: 'B' } }])
  })
})

test.group('readSpreadsheet | the wrong file', () => {
  test('{0} is refused as {1}')
    .with([
      ['calc_resaved.xlsx', 'medlemmer.csv', 'not_csv'],
      ['calc_resaved.xlsx', 'medlemmer.txt', 'not_csv'],
      ['kreds_export.csv', 'medlemmer.xlsx', 'not_xlsx'],
      ['calc_resaved.ods', 'medlemmer.ods', 'unsupported_format'],
      ['calc_resaved.ods', 'medlemmer.csv', 'not_csv'],
      ['kreds_export.csv', 'medlemmer.pdf', 'unsupported_format'],
    ] as const)
    .run(async ({ assert }, [fixture, name, reason]) => {
      const error = await spreadsheetError(readSpreadsheet(spreadsheetFixture(fixture), name))
      assert.equal(error.reason, reason)
    })

  test('a PDF or a picture named .csv is not read as text', async ({ assert }) => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    for (const file of [pdf, png]) {
      const error = await spreadsheetError(readSpreadsheet(file, 'medlemmer.csv'))
      assert.equal(error.reason, 'not_csv')
    }
  })

  test('an old .xls and a password-protected workbook are named as such', async ({ assert }) => {
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const xls = Buffer.concat([compound, Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')])
    const encrypted = Buffer.concat([
      compound,
      Buffer.alloc(512),
      Buffer.from('EncryptionInfo', 'utf16le'),
    ])
    assert.equal((await spreadsheetError(readSpreadsheet(xls, 'gammel.xls'))).reason, 'legacy_xls')
    assert.equal((await spreadsheetError(readSpreadsheet(xls, 'a.xlsx'))).reason, 'legacy_xls')
    assert.equal(
      (await spreadsheetError(readSpreadsheet(encrypted, 'hemmelig.xlsx'))).reason,
      'encrypted'
    )
  })

  test('a file without an extension is read as what it is', async ({ assert }) => {
    assert.equal(
      (await readSpreadsheet(spreadsheetFixture('kreds_export.csv'), 'upload')).format,
      'csv'
    )
    assert.equal(
      (await readSpreadsheet(spreadsheetFixture('calc_resaved.xlsx'), 'upload')).format,
      'xlsx'
    )
  })

  test('the problem is said in Danish, with the reason in words', async ({ assert }) => {
    const danish = i18nManager.locale('da')
    const english = i18nManager.locale('en')
    const read = await readSpreadsheetOrProblem(spreadsheetFixture('calc_resaved.xlsx'), 'a.csv')
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(
      describeProblem(read.problem, danish),
      'række 1: filen kan ikke læses (den hedder .csv, men er ikke en tekstfil; er den en Excel-projektmappe, så upload den som .xlsx)'
    )
    assert.equal(
      describeProblem(read.problem, english, 'newsletters.import'),
      'row 1: the file cannot be read (it is named .csv but is not a text file; if it is an Excel workbook, upload it as .xlsx)'
    )
    const quote = await readSpreadsheetOrProblem(Buffer.from('Navn;By\n"Ærø;A\n'), 'a.csv')
    if (!('problem' in quote)) return assert.fail('expected a problem')
    assert.equal(
      describeProblem(quote.problem, danish),
      'række 2: filen kan ikke læses (et anførselstegn lukkes aldrig)'
    )
  })
})
