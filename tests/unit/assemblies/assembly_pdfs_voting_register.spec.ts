import { test } from '@japa/runner'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { pdfText } from '#tests/helpers/pdf_text'
import {
  founders,
  foundingRegister,
  register,
  manyRows,
  words,
  pageCount,
  assertHeadingsRepeated,
} from '#tests/unit/assemblies/assembly_pdf_fixtures'

test.group('Assembly PDFs: voting register', () => {
  test('lists each organisation with its representative, proxies and votes, and the totals', async ({
    assert,
  }) => {
    const pdf = await renderVotingRegisterPdf(register())
    const text = words(await pdfText(pdf))
    assert.include(text, 'Stemmeliste')
    assert.include(text, 'fredag 15. januar 2021 kl. 19.00')
    for (const heading of [
      'Organisation',
      'Til stede',
      'Repræsentant',
      'Fuldmagt til',
      'Fuldmagter fra',
      'Stemmeret',
      'Stemmer',
    ]) {
      assert.include(text, heading)
    }
    for (const organisation of founders) assert.include(text, organisation)
    assert.include(text, 'Mette Kjær')
    assert.include(text, 'Anne-Marie Østergaard')
    assert.match(text, /Fri Af Misbrug Ja Ali Yılmaz De Anbragtes Vilkår Ja 2/)
    assert.match(text, /De Anbragtes Vilkår Nej Fri Af Misbrug Ja 0/)
    assert.match(text, /Medlemmer 7 Stemmeberettigede 7 Til stede 6 Repræsenteret 7/)
    assert.match(text, /Stemmer i alt 7/)
    assert.include(text, 'Udskrevet 15. januar 2021 kl. 18.52')
    assert.include(text, 'Stemmeliste · Stiftende generalforsamling · Side 1 af 1')
  })

  test('says why an organisation may not vote', async ({ assert }) => {
    const rows = foundingRegister.map((row) =>
      row.organisation === 'Dansk Socialrådgiverforening'
        ? { ...row, mayVote: false, reason: 'Kontingent for 2021 er ikke betalt', votes: 0 }
        : row
    )
    const text = words(await pdfText(await renderVotingRegisterPdf(register({ rows }))))
    assert.match(text, /Dansk Socialrådgiverforening Ja Anne-Marie Østergaard Nej/)
    assert.include(text, 'Kontingent for 2021 er ikke betalt')
  })

  test('many organisations flow onto further pages with the column headings repeated', async ({
    assert,
  }) => {
    const rows = manyRows(120)
    const pdf = await renderVotingRegisterPdf(
      register({
        rows,
        totals: { members: 120, entitled: 120, present: 90, represented: 90, votes: 90 },
      })
    )
    const text = words(await pdfText(pdf))
    const count = pageCount(text)
    assert.equal(assertHeadingsRepeated(assert, text), count)
    assert.include(text, `Side ${count} af ${count}`)
    assert.include(text, 'Lokalforening 120 af ')
    assert.include(text, 'Repræsentant nr. 119')
    assert.match(text, /Stemmer i alt 90/)
  })
})
