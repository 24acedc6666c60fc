import { test } from '@japa/runner'
import { ENCODINGS, readError } from '#tests/unit/shared/csv/read_danish_csv_helpers'

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
