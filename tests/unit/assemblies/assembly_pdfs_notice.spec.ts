import { test } from '@japa/runner'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { pdfText } from '#tests/helpers/pdf_text'
import { notice, words } from '#tests/unit/assemblies/assembly_pdf_fixtures'

test.group('Assembly PDFs: notice', () => {
  test('the founding assembly notice gives the time in Danish, the link and the agenda', async ({
    assert,
  }) => {
    const pdf = await renderNoticePdf(notice())
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')

    const text = words(await pdfText(pdf))
    assert.include(text, 'Indkaldelse til ordinær generalforsamling')
    assert.include(text, 'Stiftende generalforsamling')
    assert.include(text, 'Social Talks')
    assert.include(text, 'kontakt@socialtalks.dk')
    assert.include(text, 'fredag 15. januar 2021 kl. 19.00')
    assert.include(text, 'https://meet.jit.si/socialtalks-stiftende-generalforsamling')
    assert.include(text, 'Udsendt 18. december 2020')
    assert.include(text, 'Forslag skal være bestyrelsen i hænde senest fredag 8. januar 2021.')
    assert.include(text, 'Dagsorden')
    assert.match(text, /1\.\s*Valg af dirigent og referent/)
    assert.match(text, /7\.\s*Eventuelt/)
    assert.include(text, 'Initiativgruppen fortæller om arbejdet frem mod stiftelsen.')
    assert.notInclude(text, 'anmodning fra')
  })

  test('motions show their submitter and the statutes mark only when they change the statutes', async ({
    assert,
  }) => {
    const text = words(await pdfText(await renderNoticePdf(notice())))
    assert.include(text, 'Forslag til vedtægter for Social Talks')
    assert.include(text, 'Stillet af LIVSVÆRK')
    assert.include(
      text,
      'vedtægterne kræver, at mindst to tredjedele af de afgivne stemmer er for.'
    )
    assert.include(text, 'Kontingent for 2021 Stillet af Bestyrelsen')
    assert.lengthOf(text.match(/Ændrer vedtægterne – kræver kvalificeret flertal/g) ?? [], 1)
    assert.match(text, /Indkaldelse · Stiftende generalforsamling · Side 1 af \d/)
  })

  test('an extraordinary assembly says who asked for it and where it is held', async ({
    assert,
  }) => {
    const pdf = await renderNoticePdf(
      notice({
        assembly: {
          title: 'Ekstraordinær generalforsamling om fuldmagter',
          kind: 'extraordinary',
          startsAt: '2026-04-14T19:00:00+02:00',
          place: 'Fri Af Misbrug, Vesterbrogade 48, 1620 København V',
          meetingUrl: null,
          motionDeadline: null,
          requestedBy: 'Fri Af Misbrug og Det Sociale Netværk',
        },
        agenda: [{ position: 1, title: 'Valg af dirigent', description: null, motions: [] }],
        sentAt: '2026-03-24T09:30:00+01:00',
      })
    )
    const text = words(await pdfText(pdf))
    assert.include(text, 'Indkaldelse til ekstraordinær generalforsamling')
    // Summer time: 19.00 in Copenhagen is 17.00 UTC.
    assert.include(text, 'tirsdag 14. april 2026 kl. 19.00')
    assert.include(text, 'Fri Af Misbrug, Vesterbrogade 48, 1620 København V')
    assert.include(
      text,
      'Generalforsamlingen indkaldes efter anmodning fra Fri Af Misbrug og Det Sociale Netværk.'
    )
    assert.notInclude(text, 'Forslag skal være')
    assert.notInclude(text, 'Online')
  })
})
