import { test } from '@japa/runner'
import {
  longSearchText,
  searchForms,
  searchPatterns,
  searchText,
  textsIn,
} from '#shared/search_text'

/** Whether a search for `term` finds `text`, as the LIKE on search_text decides it. */
function finds(term: string, text: string) {
  const stored = searchText(text)
  return searchPatterns(term).some((pattern) => {
    const needle = pattern.slice(1, -1).replace(/!([!%_])/g, '$1')
    return stored.split('\n').some((line) => line.includes(needle))
  })
}

test.group('Search folding', () => {
  test('case is ignored', ({ assert }) => {
    assert.isTrue(finds('sus', 'Socialt Udviklingscenter SUS'))
    assert.isTrue(finds('SOCIALT', 'Socialt Udviklingscenter SUS'))
  })

  test('Æ, Ø and Å match their spellings in any case', ({ assert }) => {
    for (const term of ['aeblehaven', 'Aeblehaven', 'æblehaven', 'ÆBLEHAVEN', 'AEBLEHAVEN']) {
      assert.isTrue(finds(term, 'Æblehaven'), term)
    }
    assert.isTrue(finds('Æblehaven', 'Aeblehaven'))
    for (const term of ['sondergaard', 'soendergaard', 'Søndergaard', 'SØNDERGAARD']) {
      assert.isTrue(finds(term, 'Søndergaard'), term)
    }
    assert.isTrue(finds('Søndergaard', 'Sondergaard'))
    assert.isTrue(finds('Søndergaard', 'Soendergaard'))
    for (const term of ['aarhus', 'Aarhus', 'Århus', 'århus', 'arhus']) {
      assert.isTrue(finds(term, 'Århus Kommune'), term)
    }
    assert.isTrue(finds('Århus', 'Aarhus Kommune'))
    assert.isTrue(finds('ærø', 'Ærøskøbing'))
  })

  test('accents are stripped; letters that do not decompose are spelled out', ({ assert }) => {
    assert.isTrue(finds('cafe', 'Café Ünik'))
    assert.isTrue(finds('unik', 'Café Ünik'))
    assert.isTrue(finds('Müller', 'Muller ApS'))
    assert.isTrue(finds('strasse', 'Hauptstraße'))
    assert.isTrue(finds('lodz', 'Łódź'))
  })

  test('what plain ASCII found before, it still finds; unrelated words do not meet', ({
    assert,
  }) => {
    assert.isTrue(finds('esen', 'Boesen'))
    assert.isTrue(finds('ael', 'Michael'))
    assert.isFalse(finds('sondergaard', 'Sandergaard'))
    assert.isFalse(finds('aeblehaven', 'Pærehaven'))
  })

  test('forms and patterns', ({ assert }) => {
    assert.deepEqual(searchForms('  Søren   Ågård '), ['soeren aagaard', 'soren agard'])
    assert.deepEqual(searchForms('Anna'), ['anna'])
    assert.deepEqual(searchForms('   '), [])
    assert.deepEqual(searchPatterns(''), [])
    // LIKE's wildcards are searched for as themselves.
    assert.deepEqual(searchPatterns('50%_!'), ['%50!%!_!!%'])
    // Fields stay apart: no match across the line between them.
    assert.equal(searchText('Anna', null, 'anna@example.org'), 'anna\nanna@example.org')
    assert.isAtMost(searchText('x'.repeat(2000)).length, 500)
  })

  test('long texts fold by paragraph; a document yields its texts, not its keys', ({ assert }) => {
    assert.equal(
      longSearchText('Forslag', 'Første afsnit.\n\nAndet afsnit om Ærø.'),
      'forslag\nfoerste afsnit.\nforste afsnit.\nandet afsnit om aeroe.\nandet afsnit om aero.'
    )
    assert.isAbove(longSearchText('x'.repeat(2000)).length, 500)
    assert.deepEqual(textsIn({ title: 'Valg', items: [{ notes: 'Åse', position: 1 }, null] }), [
      'Valg',
      'Åse',
    ])
  })
})
