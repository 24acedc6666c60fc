import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import iconv from 'iconv-lite'
import type { DanishCsvEncoding } from '#shared/csv/read_danish_csv'
import { DanishCsvError, readDanishCsv } from '#shared/csv/read_danish_csv'

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The same text as each of the three kinds of file Danish users send. */
const ENCODINGS: { encoding: DanishCsvEncoding; encode: (text: string) => Buffer }[] = [
  { encoding: 'utf-8-bom', encode: (text: string) => Buffer.concat([UTF8_BOM, Buffer.from(text)]) },
  { encoding: 'utf-8', encode: (text: string) => Buffer.from(text) },
  { encoding: 'windows-1252', encode: (text: string) => iconv.encode(text, 'windows-1252') },
]

const FIXTURES: { file: string; encoding: DanishCsvEncoding }[] = [
  { file: 'members_utf8_bom.csv', encoding: 'utf-8-bom' },
  { file: 'members_utf8.csv', encoding: 'utf-8' },
  { file: 'members_windows1252.csv', encoding: 'windows-1252' },
]

function readFixture(file: string) {
  return readFileSync(new URL(`../../../fixtures/csv/${file}`, import.meta.url))
}

function readError(input: Buffer): DanishCsvError {
  try {
    readDanishCsv(input)
  } catch (error) {
    if (error instanceof DanishCsvError) return error
    throw error
  }
  throw new Error('The file was read without an error')
}

test.group('readDanishCsv | an Excel export in each encoding', () => {
  test('reads {file} as {encoding} with æøå intact')
    .with(FIXTURES)
    .run(({ assert }, { file, encoding }) => {
      const csv = readDanishCsv(readFixture(file))

      assert.equal(csv.encoding, encoding)
      assert.equal(csv.delimiter, ';')
      assert.deepEqual(csv.headers, [
        'Medlemsnr',
        'Navn',
        'Adresse',
        'Postnr',
        'By',
        'Kontingent',
        'Bemærkning',
      ])
      assert.deepEqual(csv.rows, [
        {
          line: 2,
          values: {
            Medlemsnr: '1001',
            Navn: 'Ærø Søfart ApS',
            Adresse: 'Ågade 1–3',
            Postnr: '800',
            By: 'Høje Taastrup',
            Kontingent: '1.250,50',
            Bemærkning: '',
          },
        },
        {
          line: 3,
          values: {
            Medlemsnr: '1002',
            Navn: 'Café Müller; Bager & Co',
            Adresse: 'Strandvejen 2\n1. sal',
            Postnr: '2100',
            By: 'København Ø',
            Kontingent: '-12,50',
            Bemærkning: 'Siger "hej"',
          },
        },
        {
          line: 5,
          values: {
            Medlemsnr: '1003',
            Navn: 'Øresund Økologi',
            Adresse: 'Vestergade 3',
            Postnr: '5000',
            By: 'Odense C',
            Kontingent: '1250',
            Bemærkning: '',
          },
        },
      ])
    })

  test('gives the same headers and rows whichever encoding Excel saved in', ({ assert }) => {
    const [bom, plain, windows] = FIXTURES.map(({ file }) => readDanishCsv(readFixture(file)))
    const content = ({ delimiter, headers, rows }: typeof bom) => ({ delimiter, headers, rows })

    assert.deepEqual(content(plain), content(bom))
    assert.deepEqual(content(windows), content(bom))
  })

  test('keeps every Danish and accented letter in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encoding, encode }) => {
      const text = 'Navn;Bemærkning\r\nÆØÅ æøå;é ü ö ä € –\r\n'
      const csv = readDanishCsv(encode(text))

      assert.equal(csv.encoding, encoding)
      assert.deepEqual(csv.rows[0].values, { Navn: 'ÆØÅ æøå', Bemærkning: 'é ü ö ä € –' })
    })

  test('takes plain ASCII without a BOM as UTF-8', ({ assert }) => {
    assert.equal(readDanishCsv(Buffer.from('Name;City\r\nAcme;Aarhus\r\n')).encoding, 'utf-8')
  })

  test('does not let the BOM stick to the first header', ({ assert }) => {
    const csv = readDanishCsv(Buffer.concat([UTF8_BOM, Buffer.from('Navn;By\r\nA;B\r\n')]))

    assert.deepEqual(csv.headers, ['Navn', 'By'])
    assert.deepEqual(csv.rows[0].values, { Navn: 'A', By: 'B' })
  })
})

test.group('readDanishCsv | delimiters and line endings', () => {
  test('detects ";" in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const csv = readDanishCsv(encode('Navn;Beløb\r\nÅse;1.250,50\r\n'))

      assert.equal(csv.delimiter, ';')
      assert.deepEqual(csv.rows[0].values, { Navn: 'Åse', Beløb: '1.250,50' })
    })

  test('detects "," in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const csv = readDanishCsv(encode('Navn,Beløb\r\nÅse,"1.250,50"\r\n'))

      assert.equal(csv.delimiter, ',')
      assert.deepEqual(csv.rows[0].values, { Navn: 'Åse', Beløb: '1.250,50' })
    })

  test('ignores commas inside a quoted header when choosing the delimiter', ({ assert }) => {
    const csv = readDanishCsv(Buffer.from('"Navn, fulde, officielle";By\r\nÅse;Ærø\r\n'))

    assert.equal(csv.delimiter, ';')
    assert.deepEqual(csv.headers, ['Navn, fulde, officielle', 'By'])
  })

  test('prefers ";" when a header line has as many commas as semicolons', ({ assert }) => {
    const csv = readDanishCsv(Buffer.from('Beløb, kr.;Navn\r\n1,50;Åse\r\n'))

    assert.equal(csv.delimiter, ';')
    assert.deepEqual(csv.rows[0].values, { 'Beløb, kr.': '1,50', 'Navn': 'Åse' })
  })

  test('reads {name} in {encoding}')
    .with(
      ENCODINGS.flatMap((encoding) =>
        [
          { name: 'CRLF line endings', text: 'Navn;By\r\nÅse;Ærø\r\nBo;Køge\r\n' },
          { name: 'LF line endings', text: 'Navn;By\nÅse;Ærø\nBo;Køge\n' },
          { name: 'old Mac CR line endings', text: 'Navn;By\rÅse;Ærø\rBo;Køge\r' },
          { name: 'a last row without a newline', text: 'Navn;By\r\nÅse;Ærø\r\nBo;Køge' },
        ].map((lineEnding) => ({ ...lineEnding, ...encoding }))
      )
    )
    .run(({ assert }, { text, encode }) => {
      assert.deepEqual(readDanishCsv(encode(text)).rows, [
        { line: 2, values: { Navn: 'Åse', By: 'Ærø' } },
        { line: 3, values: { Navn: 'Bo', By: 'Køge' } },
      ])
    })
})

test.group('readDanishCsv | quoted values', () => {
  test('keeps a quoted ";" and turns "" into one quote in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const csv = readDanishCsv(encode('Navn;Note\r\n"Søn; Datter";"Han sagde ""hej"""\r\n'))

      assert.deepEqual(csv.rows[0].values, { Navn: 'Søn; Datter', Note: 'Han sagde "hej"' })
    })

  test('counts a value with a line break as one Excel row in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const text = 'Navn;Adresse\r\nÅse;"Ågade 1\r\n2. sal\r\ntv."\r\nBo;"Køge\nSyd"\r\nPer;Ærø\r\n'

      assert.deepEqual(readDanishCsv(encode(text)).rows, [
        { line: 2, values: { Navn: 'Åse', Adresse: 'Ågade 1\n2. sal\ntv.' } },
        { line: 3, values: { Navn: 'Bo', Adresse: 'Køge\nSyd' } },
        { line: 4, values: { Navn: 'Per', Adresse: 'Ærø' } },
      ])
    })

  test('keeps a stray quote in an unquoted value as text, as Excel does', ({ assert }) => {
    const csv = readDanishCsv(Buffer.from('Vare;Antal\r\n24" skærm;2\r\n'))

    assert.deepEqual(csv.rows[0].values, { Vare: '24" skærm', Antal: '2' })
  })

  test('trims headers and unquoted values but keeps spaces inside quotes', ({ assert }) => {
    const csv = readDanishCsv(Buffer.from(' Navn ;\tBy \r\n  Åse  ; " Ærø " \r\n'))

    assert.deepEqual(csv.headers, ['Navn', 'By'])
    assert.deepEqual(csv.rows[0].values, { Navn: 'Åse', By: ' Ærø ' })
  })
})

test.group('readDanishCsv | empty rows and columns', () => {
  test("ignores Excel's trailing empty column in {encoding}")
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const csv = readDanishCsv(encode('Navn;By;\r\nÅse;Ærø;\r\nBo;Køge;;\r\n'))

      assert.deepEqual(csv.headers, ['Navn', 'By'])
      assert.deepEqual(
        csv.rows.map((row) => row.values),
        [
          { Navn: 'Åse', By: 'Ærø' },
          { Navn: 'Bo', By: 'Køge' },
        ]
      )
    })

  test('skips empty rows but still counts them, as Excel does, in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const text = 'Navn;By\r\n\r\nÅse;Ærø\r\n;\r\n ; \r\n\r\nBo;Køge\r\n\r\n'

      assert.deepEqual(readDanishCsv(encode(text)).rows, [
        { line: 3, values: { Navn: 'Åse', By: 'Ærø' } },
        { line: 7, values: { Navn: 'Bo', By: 'Køge' } },
      ])
    })

  test('fills a short row with empty values', ({ assert }) => {
    const csv = readDanishCsv(Buffer.from('Navn;By;Postnr\r\nÅse\r\n'))

    assert.deepEqual(csv.rows[0].values, { Navn: 'Åse', By: '', Postnr: '' })
  })

  test('gives no rows for an empty file', ({ assert }) => {
    assert.deepEqual(readDanishCsv(Buffer.alloc(0)), {
      encoding: 'utf-8',
      delimiter: ';',
      headers: [],
      rows: [],
    })
    assert.deepEqual(readDanishCsv(UTF8_BOM).rows, [])
  })

  test('gives no rows for a file with only a header, in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      const csv = readDanishCsv(encode('Navn;Bemærkning;\r\n'))

      assert.deepEqual(csv.headers, ['Navn', 'Bemærkning'])
      assert.deepEqual(csv.rows, [])
    })
})

test.group('readDanishCsv | malformed files', () => {
  test('names the Excel row of an unclosed quote in {encoding}')
    .with(ENCODINGS)
    .run(({ assert }, { encode }) => {
      // Row 2 spans two lines and row 3 is empty, so the broken row is row 4.
      const text = 'Navn;By\r\nÅse;"Ærø\r\nSyd"\r\n\r\nBo;"Køge\r\nPer;Odense\r\n'
      const error = readError(encode(text))

      assert.equal(error.message, 'row 4: unclosed quote')
      assert.equal(error.row, 4)
      assert.equal(error.reason, 'unclosed_quote')
    })

  test('names row 1 when the header itself has an unclosed quote', ({ assert }) => {
    assert.equal(readError(Buffer.from('"Navn;By\r\nÅse;Ærø\r\n')).message, 'row 1: unclosed quote')
  })

  test('refuses a header that appears twice, whose values would overwrite each other', ({
    assert,
  }) => {
    const error = readError(Buffer.from('Navn;By;Navn\r\nÅse;Ærø;Bo\r\n'))

    assert.equal(error.message, 'row 1: the header "Navn" appears twice')
    assert.equal(error.reason, 'duplicate_header')
  })

  test('refuses an empty header between two others', ({ assert }) => {
    const error = readError(Buffer.from('Navn;;By\r\nÅse;x;Ærø\r\n'))

    assert.equal(error.message, 'row 1: column 2 has no header')
    assert.equal(error.reason, 'missing_header')
  })

  test('refuses a value in a column without a header rather than drop it', ({ assert }) => {
    const error = readError(Buffer.from('Navn;By;\r\nÅse;Ærø;\r\nBo;Køge;glemt\r\n'))

    assert.equal(error.message, 'row 3: column 3 has a value but no header')
    assert.equal(error.reason, 'value_without_header')
  })
})
