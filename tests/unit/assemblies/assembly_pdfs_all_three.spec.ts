import { test } from '@japa/runner'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { pdfInfo, pdfText } from '#tests/helpers/pdf_text'
import { notice, register, minutes, words } from '#tests/unit/assemblies/assembly_pdf_fixtures'

test.group('Assembly PDFs: all three', () => {
  test('names beyond WinAnsi survive: Łódź, Ørsted and Yılmaz', async ({ assert }) => {
    const motion = {
      title: 'Samarbejde med Fundacja Łódź',
      body: 'Forslag om et samarbejde med Fundacja Łódź og Ørsted-fonden.',
      changesStatutes: false,
      submittedBy: 'Metodecentret',
    }
    const texts = await Promise.all([
      renderNoticePdf(
        notice({
          agenda: [{ position: 1, title: 'Forslag', description: null, motions: [motion] }],
        })
      ),
      renderVotingRegisterPdf(register()),
      renderMinutesPdf(minutes()),
    ]).then((pdfs) => Promise.all(pdfs.map(async (pdf) => words(await pdfText(pdf)))))
    assert.include(texts[0], 'Samarbejde med Fundacja Łódź')
    assert.include(texts[0], 'Ørsted-fonden')
    for (const text of texts.slice(1)) {
      assert.include(text, 'Małgorzata Łódź-Ørsted')
      assert.include(text, 'Ali Yılmaz')
    }
  })

  test('render to the same bytes twice, dated from the document rather than the clock', async ({
    assert,
  }) => {
    const renders = [
      [
        () => renderNoticePdf(notice()),
        'Indkaldelse til ordinær generalforsamling – Stiftende generalforsamling',
        new Date('2020-12-18T09:00:00Z'),
      ],
      [
        () => renderVotingRegisterPdf(register()),
        'Stemmeliste – Stiftende generalforsamling',
        new Date('2021-01-15T17:52:00Z'),
      ],
      [
        () => renderMinutesPdf(minutes()),
        'Referat af ordinær generalforsamling – Stiftende generalforsamling · version 2',
        new Date('2021-01-15T20:03:00Z'),
      ],
    ] as const
    for (const [render, title, createdAt] of renders) {
      const [first, second] = await Promise.all([render(), render()])
      assert.isTrue(first.equals(second))
      const info = await pdfInfo(first)
      assert.equal(info.Title, title)
      assert.equal(info.Author, 'Social Talks')
      assert.deepEqual(info.CreationDate, createdAt)
    }
  })
})
