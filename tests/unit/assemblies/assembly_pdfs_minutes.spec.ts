import { test } from '@japa/runner'
import { attendanceTotals, renderMinutesPdf, resultText } from '#assemblies/documents/minutes_pdf'
import { pdfText } from '#tests/helpers/pdf_text'
import {
  founders,
  foundingRegister,
  minutes,
  manyRows,
  words,
  pageCount,
  assertHeadingsRepeated,
} from '#tests/unit/assemblies/assembly_pdf_fixtures'

test.group('Assembly PDFs: minutes', () => {
  test('record the meeting, the attendance and the dirigent’s statement', async ({ assert }) => {
    const pdf = await renderMinutesPdf(minutes())
    const text = words(await pdfText(pdf))
    assert.include(text, 'Referat af ordinær generalforsamling')
    assert.include(text, 'Stiftende generalforsamling · version 2')
    assert.include(text, 'fredag 15. januar 2021 kl. 19.00')
    assert.match(text, /Åbnet kl\. 19\.04/)
    assert.match(text, /Afsluttet kl\. 20\.58/)
    assert.match(text, /Dirigent Henrik Sørensen/)
    assert.match(text, /Referent Anne-Marie Østergaard/)
    assert.include(
      text,
      'Medlemmer: 7 · Stemmeberettigede: 7 · Til stede: 6 · Repræsenteret: 7 · Stemmer i alt: 7'
    )
    for (const organisation of founders) assert.include(text, organisation)
    assert.include(text, 'Jonas Holm Nielsen')
    assert.match(text, /De Anbragtes Vilkår Nej Fri Af Misbrug/)
    assert.include(text, 'Dirigentens konstatering')
    assert.include(text, 'var lovligt indkaldt med fire ugers varsel og beslutningsdygtig')
  })

  test('give each item its notes, motions and ballot results', async ({ assert }) => {
    const text = words(await pdfText(await renderMinutesPdf(minutes())))
    assert.match(text, /1\.\s*Valg af dirigent og referent/)
    assert.include(text, 'Henrik Sørensen blev valgt som dirigent.')
    assert.include(text, 'Anne-Marie Østergaard blev valgt som referent.')
    assert.match(text, /3\.\s*Vedtagelse af vedtægter/)
    assert.include(text, 'højst kan holde én fuldmagt.')
    assert.include(text, 'Forslag til vedtægter for Social Talks')
    assert.include(text, 'Ændrer vedtægterne – kræver kvalificeret flertal')
    assert.include(text, 'Skal forslaget til vedtægter vedtages?')
    assert.include(text, 'Håndsoprækning')
    assert.include(text, 'For: 7 · Imod: 0 · Blanke: 0 · Vedtaget')
    assert.include(text, 'Hemmelig afstemning · Elektronisk afstemning')
    assert.include(text, 'Lise Vang: 3')
    assert.include(
      text,
      'Valgt: Mette Kjær, Søren Bak, Małgorzata Łódź-Ørsted, Jonas Holm Nielsen og Ali Yılmaz'
    )
  })

  test('show who signed and when, and an empty line where a signature is missing', async ({
    assert,
  }) => {
    const partly = words(await pdfText(await renderMinutesPdf(minutes())))
    assert.include(partly, 'Underskrifter')
    assert.match(partly, /Henrik Sørensen Underskrevet digitalt 15\. januar 2021 kl\. 21\.03/)
    assert.match(partly, /Anne-Marie Østergaard Ikke underskrevet/)
    assert.lengthOf(partly.match(/Underskrevet digitalt/g) ?? [], 1)
    assert.match(partly, /Referat · Stiftende generalforsamling · version 2 · Side 1 af \d/)

    const signed = minutes({
      version: 3,
      signatures: [
        {
          role: 'dirigent',
          name: 'Henrik Sørensen',
          signedAt: '2021-01-15T21:03:00+01:00',
          method: 'login',
        },
        {
          role: 'referent',
          name: 'Anne-Marie Østergaard',
          signedAt: '2021-01-16T09:41:00+01:00',
          method: 'link',
        },
      ],
    })
    const text = words(await pdfText(await renderMinutesPdf(signed)))
    assert.include(text, 'Underskrevet digitalt 15. januar 2021 kl. 21.03')
    assert.match(text, /Anne-Marie Østergaard Underskrevet digitalt 16\. januar 2021 kl\. 09\.41/)
    assert.notInclude(text, 'Ikke underskrevet')
    assert.include(text, 'version 3 · Side 1 af')
  })

  test('a long attendance list flows over pages with headings, and the signatures come last', async ({
    assert,
  }) => {
    const pdf = await renderMinutesPdf(minutes({ attendance: manyRows(150), signatures: [] }))
    const text = words(await pdfText(pdf))
    const count = pageCount(text)
    assert.isAbove(assertHeadingsRepeated(assert, text), 3)
    assert.include(text, 'Medlemmer: 150 · Stemmeberettigede: 150 · Til stede: 113')
    assert.isAbove(text.indexOf('Underskrifter'), text.indexOf('Lokalforening 150 af '))
    assert.lengthOf(text.match(/Ikke underskrevet/g) ?? [], 2)
    assert.include(text, `Side ${count} af ${count}`)
  })

  test('a short result shares one line; a longer one stands one to a line', ({ assert }) => {
    assert.equal(
      resultText(['For: 7', 'Imod: 0', 'Blanke: 0', 'Vedtaget (simpelt flertal)']),
      'For: 7 · Imod: 0 · Blanke: 0 · Vedtaget (simpelt flertal)'
    )
    const withQuorum = [
      'For: 5',
      'Imod: 1',
      'Blanke: 1',
      'Beslutningsdygtig: 6 af 7 repræsenteret',
      'Vedtaget (2/3 af de afgivne stemmer)',
    ]
    assert.equal(resultText(withQuorum), withQuorum.join('\n'))
    const election = ['Mette Kjær: 7', 'Søren Bak: 6', 'Ali Yılmaz: 5', 'Lise Vang: 3', 'Blanke: 0']
    assert.equal(resultText(election), election.join('\n'))
  })

  test('attendance totals follow the register’s rule for proxies', ({ assert }) => {
    assert.deepEqual(attendanceTotals(foundingRegister), {
      members: 7,
      entitled: 7,
      present: 6,
      represented: 7,
      votes: 7,
    })
    // A proxy held by an absent organisation represents no one.
    const rows = foundingRegister.map((row) =>
      row.organisation === 'Fri Af Misbrug'
        ? { ...row, present: false, representative: null, votes: 0 }
        : row
    )
    assert.deepEqual(attendanceTotals(rows), {
      members: 7,
      entitled: 7,
      present: 5,
      represented: 5,
      votes: 5,
    })
  })
})
