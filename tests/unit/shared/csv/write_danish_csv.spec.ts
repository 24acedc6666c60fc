import { test } from '@japa/runner'
import { readDanishCsv } from '#shared/csv/read_danish_csv'
import { writeDanishCsv } from '#shared/csv/write_danish_csv'

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The text after the BOM, for readable expectations. */
function written(...args: Parameters<typeof writeDanishCsv>) {
  const bytes = writeDanishCsv(...args)
  return bytes.subarray(UTF8_BOM.length).toString('utf8')
}

test.group('writeDanishCsv | the file Danish Excel expects', () => {
  test('writes UTF-8 with a BOM, ";" between values and CRLF after every row', ({ assert }) => {
    const bytes = writeDanishCsv(
      ['Navn', 'By'],
      [
        ['Åse', 'Ærø'],
        ['Bo', 'Køge'],
      ]
    )

    assert.deepEqual(bytes.subarray(0, 3), UTF8_BOM)
    assert.equal(bytes.subarray(3).toString('utf8'), 'Navn;By\r\nÅse;Ærø\r\nBo;Køge\r\n')
  })

  test('writes only the header line when there are no rows', ({ assert }) => {
    assert.equal(written(['Navn', 'Bemærkning'], []), 'Navn;Bemærkning\r\n')
  })

  test('writes null and undefined as empty values', ({ assert }) => {
    assert.equal(written(['A', 'B', 'C'], [[null, 'x', undefined]]), 'A;B;C\r\n;x;\r\n')
  })

  test('writes numbers with a decimal comma and no formula guard', ({ assert }) => {
    assert.equal(
      written(['Antal', 'Beløb', 'Rest'], [[1250, 1250.5, -12.5]]),
      'Antal;Beløb;Rest\r\n1250;1250,5;-12,5\r\n'
    )
  })

  test('refuses a number that is not finite', ({ assert }) => {
    assert.throws(() => writeDanishCsv(['Beløb'], [[Number.NaN]]), /NaN/)
  })

  test('refuses a row whose length does not match the headers', ({ assert }) => {
    assert.throws(
      () => writeDanishCsv(['Navn', 'By'], [['Åse', 'Ærø', 'ekstra']]),
      'CSV row 2 has 3 values for 2 headers'
    )
  })
})

test.group('writeDanishCsv | quoting', () => {
  test('quotes {name}')
    .with([
      { name: 'a semicolon', value: 'Søn; Datter', expected: '"Søn; Datter"' },
      { name: 'a double quote, doubled', value: '24" skærm', expected: '"24"" skærm"' },
      { name: 'a line break', value: 'Ågade 1\r\n2. sal', expected: '"Ågade 1\r\n2. sal"' },
      { name: 'a bare LF', value: 'Køge\nSyd', expected: '"Køge\nSyd"' },
      { name: 'a bare CR', value: 'Køge\rSyd', expected: '"Køge\rSyd"' },
      { name: 'a leading space', value: ' Åse', expected: '" Åse"' },
      { name: 'a trailing space', value: 'Åse ', expected: '"Åse "' },
    ])
    .run(({ assert }, { value, expected }) => {
      assert.equal(written(['Felt'], [[value]]), `Felt\r\n${expected}\r\n`)
    })

  test('leaves plain text, commas and inner spaces unquoted', ({ assert }) => {
    assert.equal(
      written(['Navn', 'Beløb'], [['Café Müller & Co', '1.250,50']]),
      'Navn;Beløb\r\nCafé Müller & Co;1.250,50\r\n'
    )
  })

  test('quotes headers by the same rules', ({ assert }) => {
    assert.equal(written(['Navn; fulde', 'By'], []), '"Navn; fulde";By\r\n')
  })
})

test.group('writeDanishCsv | formula injection', () => {
  test('puts an apostrophe before text starting with {name}')
    .with([
      { name: '=', value: '=HYPERLINK("http://x")', expected: `"'=HYPERLINK(""http://x"")"` },
      { name: '+', value: '+45 12 34 56 78', expected: `'+45 12 34 56 78` },
      { name: '- that is not a number', value: '-2+3', expected: `'-2+3` },
      { name: '@', value: '@SUM(A1)', expected: `'@SUM(A1)` },
      { name: 'a tab', value: '\t=1', expected: `'\t=1` },
      { name: 'a carriage return', value: '\r=1', expected: `"'\r=1"` },
    ])
    .run(({ assert }, { value, expected }) => {
      assert.equal(written(['Felt'], [[value]]), `Felt\r\n${expected}\r\n`)
    })

  test('leaves the negative amount {$self} as it is')
    .with(['-12,50', '-1.250,50', '-12', '-0,5'])
    .run(({ assert }, amount) => {
      assert.equal(written(['Beløb'], [[amount]]), `Beløb\r\n${amount}\r\n`)
    })

  test('guards headers too', ({ assert }) => {
    assert.equal(written(['=cmd', 'By'], []), `'=cmd;By\r\n`)
  })
})

test.group('writeDanishCsv | round trip through readDanishCsv', () => {
  test('reads back what was written, line breaks inside values as \\n', ({ assert }) => {
    const headers = ['Medlemsnr', 'Navn', 'Adresse', 'Bemærkning', 'Kontingent', 'Saldo']
    const rows = [
      [1001, 'Ærø Søfart ApS', 'Ågade 1–3', 'Siger "hej"; ofte', 1250.5, '-12,50'],
      [1002, 'Café Müller', 'Strandvejen 2\r\n1. sal', null, 0, undefined],
      [1003, ' Mellemrum ', 'Køge\nSyd', '24" skærm', -3, '1.250,50'],
    ]

    const csv = readDanishCsv(writeDanishCsv(headers, rows))

    assert.equal(csv.encoding, 'utf-8-bom')
    assert.equal(csv.delimiter, ';')
    assert.deepEqual(csv.headers, headers)
    assert.deepEqual(csv.rows, [
      {
        line: 2,
        values: {
          Medlemsnr: '1001',
          Navn: 'Ærø Søfart ApS',
          Adresse: 'Ågade 1–3',
          Bemærkning: 'Siger "hej"; ofte',
          Kontingent: '1250,5',
          Saldo: '-12,50',
        },
      },
      {
        line: 3,
        values: {
          Medlemsnr: '1002',
          Navn: 'Café Müller',
          Adresse: 'Strandvejen 2\n1. sal',
          Bemærkning: '',
          Kontingent: '0',
          Saldo: '',
        },
      },
      {
        line: 4,
        values: {
          Medlemsnr: '1003',
          Navn: ' Mellemrum ',
          Adresse: 'Køge\nSyd',
          Bemærkning: '24" skærm',
          Kontingent: '-3',
          Saldo: '1.250,50',
        },
      },
    ])
  })

  test('reads a guarded value back with its apostrophe', ({ assert }) => {
    const csv = readDanishCsv(writeDanishCsv(['Formel'], [['=1+2'], ['+45 12 34 56 78']]))

    assert.deepEqual(
      csv.rows.map((row) => row.values.Formel),
      ["'=1+2", "'+45 12 34 56 78"]
    )
  })
})
