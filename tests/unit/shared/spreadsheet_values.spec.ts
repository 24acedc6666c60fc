import { test } from '@japa/runner'
import { excelSerialToIsoDate, parseDanishDate } from '#shared/csv/danish_dates'
import {
  headerKey,
  isExcelScientific,
  normaliseHeader,
  removeFormulaGuard,
} from '#shared/csv/danish_values'
import { numberText } from '#shared/spreadsheet/cell_text'
import { danishToday } from '#shared/danish_time'

test.group('Values as people write them | dates', () => {
  test('reads {0} as {1}')
    .with([
      ['15-01-2021', '2021-01-15'],
      ['15-01-21', '2021-01-15'],
      ['15.1.2021', '2021-01-15'],
      ['15.01.2021', '2021-01-15'],
      ['15/01/2021', '2021-01-15'],
      ['15/1/21', '2021-01-15'],
      ['5-1-21', '2021-01-05'],
      ['2021-01-15', '2021-01-15'],
      ['29-02-24', '2024-02-29'],
      [' 31.12.1999 ', '1999-12-31'],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(parseDanishDate(text), expected)
    })

  test('reads two-digit years as this century up to ten years ahead, else the last', ({
    assert,
  }) => {
    const options = { currentYear: 2026 }
    assert.equal(parseDanishDate('01-01-36', options), '2036-01-01')
    assert.equal(parseDanishDate('01-01-37', options), '1937-01-01')
    assert.equal(parseDanishDate('01-01-99', options), '1999-01-01')
    assert.equal(parseDanishDate('01-01-00', options), '2000-01-01')
    const year = danishToday().year
    const soon = String((year + 10) % 100).padStart(2, '0')
    assert.equal(parseDanishDate(`01-01-${soon}`), `${year + 10}-01-01`)
  })

  test('refuses "{$self}"')
    .with(['29-02-23', '31-04-21', '15-01-2', '15-01.21', '1/15/21', '44211', '15. januar 2021'])
    .run(({ assert }, text) => {
      assert.isNull(parseDanishDate(text))
    })

  test('reads the Excel serial {0} as {1} where the column holds dates')
    .with([
      ['44211', '2021-01-15'],
      ['1', '1900-01-01'],
      ['59', '1900-02-28'],
      ['61', '1900-03-01'],
      ['36525', '1999-12-31'],
      ['2958465', '9999-12-31'],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(parseDanishDate(text, { excelSerial: true }), expected)
    })

  test('refuses the serial "{$self}", which is no day Excel shows')
    .with(['0', '60', '2958466', '44211,5', '-1'])
    .run(({ assert }, text) => {
      assert.isNull(parseDanishDate(text, { excelSerial: true }))
    })

  test('counts 1904 serials from 1 January 1904', ({ assert }) => {
    assert.equal(excelSerialToIsoDate(0, true), '1904-01-01')
    assert.equal(excelSerialToIsoDate(42749, true), '2021-01-15')
    assert.equal(excelSerialToIsoDate(44211.75), '2021-01-15')
  })
})

test.group('Values as people write them | headers', () => {
  test('matches "{0}" and "{1}"')
    .with([
      ['Postnr.', 'postnr'],
      ['Post-nr', 'Postnr.'],
      ['Post nr.', 'POSTNR'],
      ['E-mail', 'email'],
      ['E-MAIL ', 'e mail'],
      ['Indmeldelsesdato', 'indmeldelsesdato'],
      ['Årsbeløb', 'aarsbeloeb'],
      ['Bemærkning', 'bemaerkning'],
      ['Café', 'cafe'],
      ['CVR-nummer', 'CVR nummer'],
    ] as const)
    .run(({ assert }, [one, other]) => {
      assert.equal(headerKey(one), headerKey(other))
    })

  test('keeps different headers apart', ({ assert }) => {
    assert.notEqual(headerKey('Postnr'), headerKey('By'))
    assert.equal(headerKey('Å æ ø é'), 'aaaeoee')
    // normaliseHeader keeps its spaces: values such as tier names are matched by it.
    assert.equal(normaliseHeader('Post nr.'), 'post nr')
  })
})

test.group('Values as people write them | the formula guard', () => {
  test('reads "{0}" back as "{1}"')
    .with([
      ["'+45 20 55 66 77", '+45 20 55 66 77'],
      ["'=SUM(A1:A2)", '=SUM(A1:A2)'],
      ["'-5", '-5'],
      ["'@navn", '@navn'],
      ["'\tindrykket", '\tindrykket'],
      ["'\rretur", '\rretur'],
      ["'Kreds", "'Kreds"],
      ["'45", "'45"],
      ['+45 20 55 66 77', '+45 20 55 66 77'],
      ["''+45", "''+45"],
      ['', ''],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(removeFormulaGuard(text), expected)
    })
})

test.group('Values as people write them | numbers Excel shortened', () => {
  test('spots "{$self}"')
    .with([
      '5,79001E+12',
      '5.79001E+12',
      '5,79E+12',
      '5.79E+12',
      '5,798E+12',
      '5E+12',
      '5,79800E+012',
      '-1,2E-05',
      '5,79001e+12',
    ])
    .run(({ assert }, text) => {
      assert.isTrue(isExcelScientific(text))
    })

  test('leaves "{$self}" alone')
    .with(['5790001234567', '5,79', '1E4', 'E+12', '5,79 E+12', 'Eskild'])
    .run(({ assert }, text) => {
      assert.isFalse(isExcelScientific(text))
    })
})

test.group('Values as people write them | numbers from cells', () => {
  test('writes {0} as "{1}"')
    .with([
      [5790001234567, '5790001234567'],
      [800, '800'],
      [1250.5, '1250,5'],
      [0.1 + 0.2, '0,3'],
      [-12.25, '-12,25'],
      [-0, '0'],
      [1e21, '1000000000000000000000'],
      [1.5e-7, '0,00000015'],
    ] as const)
    .run(({ assert }, [value, expected]) => {
      assert.equal(numberText(value), expected)
    })
})
