import { test } from '@japa/runner'
import { readDanishCsv } from '#shared/csv/read_danish_csv'
import {
  ENCODINGS,
  FIXTURES,
  UTF8_BOM,
  readFixture,
} from '#tests/unit/shared/csv/read_danish_csv_helpers'

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
