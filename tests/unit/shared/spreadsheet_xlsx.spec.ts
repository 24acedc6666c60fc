import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { describeProblem } from '#shared/csv/describe_problem'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { readSpreadsheetOrProblem } from '#shared/spreadsheet/spreadsheet_problem'
import { spreadsheetError, spreadsheetFixture } from '#tests/helpers/spreadsheet_fixtures'
import { buildZip } from '#tests/helpers/zip_builder'
import { workbook } from '#tests/helpers/spreadsheet_fixtures'

test.group('readSpreadsheet | xlsx as Calc saves it', () => {
  test('the register Calc resaved: numbers, dates and the literal apostrophe', async ({
    assert,
  }) => {
    const table = await readSpreadsheet(spreadsheetFixture('calc_resaved.xlsx'), 'register.xlsx')
    assert.include(table, { format: 'xlsx', sheet: 'members_demo_export' })
    assert.deepEqual(table.sheets, ['members_demo_export'])
    assert.lengthOf(table.rows, 10)
    assert.deepInclude(table.rows[1], { line: 3 })
    assert.deepInclude(table.rows[1].values, {
      Navn: 'Dansk Socialrådgiverforening',
      Postnr: '1606',
      Indmeldt: '2021-01-15',
      Udmeldt: '',
      Telefon: "'+45 20 55 66 77",
    })
    const withEan = table.rows.find((row) => row.values.CVR === '87654303')
    assert.equal(withEan?.values.EAN, '5798000102033')
  })

  test("reads the same whatever the server's time zone", async ({ assert }) => {
    const zone = process.env.TZ
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Copenhagen', 'UTC']) {
        process.env.TZ = tz
        const table = await readSpreadsheet(spreadsheetFixture('calc_two_sheets.xlsx'), 'a.xlsx')
        assert.deepEqual(
          table.rows.map((row) => row.values.Indmeldt),
          ['2021-01-15', '1999-12-31', '2024-02-29'],
          tz
        )
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  test('the first sheet by default, another by name, and its cells as text', async ({ assert }) => {
    const file = spreadsheetFixture('calc_two_sheets.xlsx')
    const members = await readSpreadsheet(file, 'a.xlsx')
    assert.include(members, { sheet: 'Medlemmer' })
    assert.deepEqual(members.sheets, ['Medlemmer', 'Kontakter'])
    assert.deepEqual(members.rows[0].values, {
      'Navn': 'Ærø Idrætsforening',
      'CVR': '87654303',
      'EAN': '5798000102033',
      'Postnr': '5970',
      'Indmeldt': '2021-01-15',
      'Kontingent': '1250,5',
      'Aktiv': 'Ja',
      'Dobbelt kontingent': '2501',
      'Telefon': '+45 20 55 66 77',
      'Bemærkning': 'Første linje\nAnden linje',
    })
    assert.deepInclude(members.rows[1].values, { Postnr: '800', Aktiv: 'Nej', Bemærkning: '' })

    const contacts = await readSpreadsheet(file, 'a.xlsx', { sheet: 'kontakter' })
    assert.include(contacts, { sheet: 'Kontakter' })
    assert.deepEqual(contacts.rows, [
      { line: 2, values: { 'Navn': 'Anna Andersen', 'E-mail': 'anna@example.org' } },
    ])
  })

  test('an unknown sheet is refused with the sheets there are', async ({ assert }) => {
    const file = spreadsheetFixture('calc_two_sheets.xlsx')
    const error = await spreadsheetError(readSpreadsheet(file, 'a.xlsx', { sheet: 'Ark3' }))
    assert.equal(error.reason, 'unknown_sheet')
    assert.deepEqual(error.params, { sheet: 'Ark3', sheets: 'Medlemmer, Kontakter' })
    const read = await readSpreadsheetOrProblem(file, 'a.xlsx', { sheet: 'Ark3' })
    if (!('problem' in read)) return assert.fail('expected a problem')
    assert.equal(
      describeProblem(read.problem, i18nManager.locale('da')),
      'række 1: filen kan ikke læses (arket »Ark3« findes ikke; projektmappen har arkene Medlemmer, Kontakter)'
    )
  })
})

test.group('readSpreadsheet | xlsx as Excel saves it', () => {
  test('numbers, built-in date formats, booleans, shared formulas, errors and escapes', async ({
    assert,
  }) => {
    const table = await readSpreadsheet(spreadsheetFixture('excel_style.xlsx'), 'a.xlsx')
    assert.include(table, { sheet: 'Ark1' })
    assert.deepEqual(table.headers, [
      'Navn',
      'CVR',
      'EAN',
      'Postnr',
      'Indmeldt',
      'Kontingent',
      'Aktiv',
      'Note',
      'Telefon',
      'Dobbelt',
    ])
    assert.deepEqual(table.rows, [
      {
        line: 2,
        values: {
          Navn: 'Ærø Idrætsforening',
          CVR: '87654303',
          EAN: '5798000102033',
          Postnr: '800',
          Indmeldt: '2021-01-15',
          Kontingent: '1250,5',
          Aktiv: 'Ja',
          Note: 'Linje 1\nLinje 2',
          Telefon: '+45 20 55 66 77',
          Dobbelt: '2501',
        },
      },
      {
        line: 3,
        values: {
          Navn: 'Østerbro',
          CVR: '',
          EAN: '',
          Postnr: '2100',
          Indmeldt: '2021-01-15 12:00',
          Kontingent: '0',
          Aktiv: 'Nej',
          Note: 'Sidste_x0041_',
          Telefon: '#N/A',
          Dobbelt: '0',
        },
      },
    ])
  })

  test('a table that starts right of column A, in a workbook of inline text', async ({
    assert,
  }) => {
    const file = workbook(
      '<row r="2"><c r="B2" t="inlineStr"><is><t>Navn</t></is></c><c r="C2" t="inlineStr"><is><t>By</t></is></c></row>' +
        '<row r="3"><c r="B3" t="inlineStr"><is><t>Ærø</t></is></c><c r="C3" t="inlineStr"><is><t>Marstal</t></is></c></row>'
    )
    const table = await readSpreadsheet(file, 'a.xlsx')
    assert.deepEqual(table.headers, ['Navn', 'By'])
    assert.deepEqual(table.rows, [{ line: 3, values: { Navn: 'Ærø', By: 'Marstal' } }])

    const stray = workbook(
      '<row r="2"><c r="B2" t="inlineStr"><is><t>Navn</t></is></c></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>Ærø</t></is></c></row>'
    )
    const error = await spreadsheetError(readSpreadsheet(stray, 'a.xlsx'))
    assert.include(error, { reason: 'value_without_header', row: 3 })
  })

  test('a value under no header is refused, as in CSV', async ({ assert }) => {
    const file = workbook(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ærø</t></is></c><c r="C2"><v>5</v></c></row>'
    )
    const error = await spreadsheetError(readSpreadsheet(file, 'a.xlsx'))
    assert.include(error, { reason: 'value_without_header', row: 2 })
  })

  test('a zip that is no workbook, or a broken one, is refused as corrupt', async ({ assert }) => {
    const notWorkbook = buildZip([{ name: 'word/document.xml', data: '<w/>' }])
    const truncated = spreadsheetFixture('calc_resaved.xlsx').subarray(0, 3000)
    for (const file of [notWorkbook, truncated]) {
      assert.equal((await spreadsheetError(readSpreadsheet(file, 'a.xlsx'))).reason, 'corrupt')
    }
  })

  test('an encrypted part is refused as encrypted', async ({ assert }) => {
    const file = buildZip([{ name: 'xl/workbook.xml', data: '<workbook/>', encrypted: true }])
    assert.equal((await spreadsheetError(readSpreadsheet(file, 'a.xlsx'))).reason, 'encrypted')
  })
})
