import { test } from '@japa/runner'
import {
  isExcelScientific,
  normaliseHeader,
  parseDanishAmountToOre,
  parseDanishDate,
  parseDanishDecimal,
  restorePostcode,
} from '#shared/csv/danish_values'

test.group('parseDanishDate', () => {
  test('reads {0} as {1}')
    .with([
      ['15-01-2021', '2021-01-15'],
      ['15.01.2021', '2021-01-15'],
      ['15/01/2021', '2021-01-15'],
      ['5-1-2021', '2021-01-05'],
      ['5.1.2021', '2021-01-05'],
      [' 29-02-2024 ', '2024-02-29'],
      ['2021-01-15', '2021-01-15'],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(parseDanishDate(text), expected)
    })

  test('refuses "{$self}"')
    .with([
      '31-02-2021',
      '29-02-2023',
      '31-04-2021',
      '00-01-2021',
      '15-13-2021',
      '15-01-202',
      '15-01.2021',
      '2021-1-5',
      '2021-02-30',
      '01/15/2021',
      '15. januar 2021',
      '',
    ])
    .run(({ assert }, text) => {
      assert.isNull(parseDanishDate(text))
    })
})

test.group('parseDanishDecimal', () => {
  test('reads {0} as {1}')
    .with([
      ['1.250,50', 1250.5],
      ['1250,5', 1250.5],
      ['-12,50', -12.5],
      ['1250', 1250],
      ['1.234.567,89', 1234567.89],
      ['0,05', 0.05],
      ['-0', 0],
      [' 42 ', 42],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.strictEqual(parseDanishDecimal(text), expected)
    })

  test('refuses "{$self}"')
    .with(['', 'abc', '12.5', '1.25,0', '1,250.50', ',5', '1,', '12 kr.', '5,79001E+12', '--1'])
    .run(({ assert }, text) => {
      assert.isNull(parseDanishDecimal(text))
    })
})

test.group('parseDanishAmountToOre', () => {
  test('reads {0} as {1} øre')
    .with([
      ['1.250,50', 125050],
      ['1250', 125000],
      ['-12,50', -1250],
      ['0,1', 10],
      ['1,005', 101],
      ['-1,005', -101],
      ['1,004999', 100],
      ['0,29', 29],
      ['-0,004', 0],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.strictEqual(parseDanishAmountToOre(text), expected)
    })

  test('refuses "{$self}"')
    .with(['', '12.5', 'kr. 100', '99999999999999999999'])
    .run(({ assert }, text) => {
      assert.isNull(parseDanishAmountToOre(text))
    })
})

test.group('isExcelScientific', () => {
  test('spots "{$self}" as a number Excel shortened')
    .with(['5,79001E+12', '5.79E+12', '1,23457E+07', '5E+12', '-1,2E-05', ' 5,79001e+12 '])
    .run(({ assert }, text) => {
      assert.isTrue(isExcelScientific(text))
    })

  test('leaves "{$self}" alone')
    .with(['5790001234567', '1.250,50', '12E4', 'E+12', 'Ellen', ''])
    .run(({ assert }, text) => {
      assert.isFalse(isExcelScientific(text))
    })
})

test.group('restorePostcode', () => {
  test('turns {0} into {1}')
    .with([
      ['800', '0800'],
      ['0800', '0800'],
      ['2100', '2100'],
      [' 2100 ', '2100'],
      ['555', '0555'],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(restorePostcode(text), expected)
    })

  test('refuses "{$self}"')
    .with(['', '80', '21000', 'DK-2100', '2100 København', '21 00', '2.100'])
    .run(({ assert }, text) => {
      assert.isNull(restorePostcode(text))
    })
})

test.group('normaliseHeader', () => {
  test('turns "{0}" into "{1}"')
    .with([
      ['Navn', 'navn'],
      ['  Bemærkning  ', 'bemaerkning'],
      ['Kontaktperson (Ø)', 'kontaktperson oe'],
      ['Årsbeløb', 'aarsbeloeb'],
      ['ÆØÅ', 'aeoeaa'],
      ['Café', 'cafe'],
      ['Müller', 'muller'],
      ['E-mail', 'e mail'],
      ['e  mail', 'e mail'],
      ['Post nr.', 'post nr'],
      ['CVR-nummer', 'cvr nummer'],
      ['Member No.', 'member no'],
    ] as const)
    .run(({ assert }, [text, expected]) => {
      assert.equal(normaliseHeader(text), expected)
    })

  test('matches headers that differ only in case, spacing or punctuation', ({ assert }) => {
    assert.equal(normaliseHeader('E-MAIL'), normaliseHeader(' e-mail '))
    assert.equal(normaliseHeader('Postnr.'), normaliseHeader('postnr'))
    assert.equal(normaliseHeader('Bemærkning'), normaliseHeader('BEMÆRKNING'))
  })
})
