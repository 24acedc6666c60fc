import { test } from '@japa/runner'
import { readDanishCsv } from '#shared/csv/read_danish_csv'
import { ENCODINGS, UTF8_BOM } from '#tests/unit/shared/csv/read_danish_csv_helpers'

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
