import type { Assert } from '@japa/assert'
import { test } from '@japa/runner'
import { attendanceTotals, renderMinutesPdf, resultText } from '#assemblies/documents/minutes_pdf'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { pdfInfo, pdfText } from '#tests/helpers/pdf_text'
import type {
  AssemblyBlock,
  AssociationBlock,
  MinutesDocument,
  MotionBlock,
  NoticeDocument,
  RegisterRow,
  VotingRegisterDocument,
} from '#assemblies/documents/assembly_documents'

const association: AssociationBlock = {
  name: 'Social Talks',
  address: 'c/o LIVSVÆRK\nNørregade 12',
  postcode: '1165',
  city: 'København K',
  cvr: null,
  email: 'kontakt@socialtalks.dk',
}

const founding: AssemblyBlock = {
  title: 'Stiftende generalforsamling',
  kind: 'ordinary',
  startsAt: '2021-01-15T19:00:00+01:00',
  place: null,
  meetingUrl: 'https://meet.jit.si/socialtalks-stiftende-generalforsamling',
  motionDeadline: '2021-01-08',
  requestedBy: null,
}

const statutesMotion: MotionBlock = {
  title: 'Forslag til vedtægter for Social Talks',
  body:
    'Initiativgruppen foreslår, at foreningen stiftes med de vedlagte vedtægter. ' +
    'Foreningens formål er at samle organisationer på det sociale område om erfaringsudveksling, ' +
    'fælles arrangementer og et stærkere fælles ansigt udadtil.\n\n' +
    'Vedtægterne fastsætter blandt andet, at hver medlemsorganisation har én stemme, ' +
    'at en organisation kan give fuldmagt til én anden organisation, og at ændringer af ' +
    'vedtægterne kræver, at mindst to tredjedele af de afgivne stemmer er for.',
  changesStatutes: true,
  submittedBy: 'LIVSVÆRK',
}

const duesMotion: MotionBlock = {
  title: 'Kontingent for 2021',
  body: 'Bestyrelsen foreslår et kontingent på 500 kr. for 2021 for alle medlemsorganisationer.',
  changesStatutes: false,
  submittedBy: 'Bestyrelsen',
}

const founders = [
  'LIVSVÆRK',
  'Socialt Udviklingscenter SUS',
  'Metodecentret',
  'Det Sociale Netværk',
  'Dansk Socialrådgiverforening',
  'Fri Af Misbrug',
  'De Anbragtes Vilkår',
]

const representatives: Record<string, string | null> = {
  'LIVSVÆRK': 'Mette Kjær',
  'Socialt Udviklingscenter SUS': 'Jonas Holm Nielsen',
  'Metodecentret': 'Małgorzata Łódź-Ørsted',
  'Det Sociale Netværk': 'Søren Bak',
  'Dansk Socialrådgiverforening': 'Anne-Marie Østergaard',
  'Fri Af Misbrug': 'Ali Yılmaz',
  'De Anbragtes Vilkår': null,
}

/** Six present; De Anbragtes Vilkår gave its proxy to Fri Af Misbrug. */
const foundingRegister: RegisterRow[] = founders.map((organisation) => {
  const absent = organisation === 'De Anbragtes Vilkår'
  const holder = organisation === 'Fri Af Misbrug'
  return {
    organisation,
    present: !absent,
    representative: representatives[organisation],
    proxyTo: absent ? 'Fri Af Misbrug' : null,
    proxiesFrom: holder ? ['De Anbragtes Vilkår'] : [],
    mayVote: true,
    reason: null,
    votes: absent ? 0 : holder ? 2 : 1,
  }
})

function notice(overrides: Partial<NoticeDocument> = {}): NoticeDocument {
  return {
    association,
    assembly: founding,
    agenda: [
      { position: 1, title: 'Valg af dirigent og referent', description: null, motions: [] },
      {
        position: 2,
        title: 'Foreningens formål og baggrund',
        description: 'Initiativgruppen fortæller om arbejdet frem mod stiftelsen.',
        motions: [],
      },
      {
        position: 3,
        title: 'Vedtagelse af vedtægter',
        description: 'Forslaget til vedtægter er vedlagt indkaldelsen.',
        motions: [statutesMotion],
      },
      {
        position: 4,
        title: 'Fastsættelse af kontingent',
        description: null,
        motions: [duesMotion],
      },
      {
        position: 5,
        title: 'Valg af bestyrelse',
        description: 'Der vælges fem medlemmer til bestyrelsen og to suppleanter.',
        motions: [],
      },
      { position: 6, title: 'Valg af revisor', description: null, motions: [] },
      { position: 7, title: 'Eventuelt', description: null, motions: [] },
    ],
    sentAt: '2020-12-18T10:00:00+01:00',
    ...overrides,
  }
}

function register(overrides: Partial<VotingRegisterDocument> = {}): VotingRegisterDocument {
  return {
    association,
    assembly: founding,
    rows: foundingRegister,
    totals: { members: 7, entitled: 7, present: 6, represented: 7, votes: 7 },
    printedAt: '2021-01-15T18:52:00+01:00',
    ...overrides,
  }
}

function minutes(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    association,
    assembly: founding,
    version: 2,
    openedAt: '2021-01-15T19:04:00+01:00',
    closedAt: '2021-01-15T20:58:00+01:00',
    dirigent: 'Henrik Sørensen',
    referent: 'Anne-Marie Østergaard',
    statement:
      'Dirigenten konstaterede, at generalforsamlingen var lovligt indkaldt med fire ugers varsel ' +
      'og beslutningsdygtig, idet alle syv stiftende organisationer var til stede eller repræsenteret.',
    attendance: foundingRegister,
    items: [
      {
        position: 1,
        title: 'Valg af dirigent og referent',
        notes:
          'Henrik Sørensen blev valgt som dirigent.\n\nAnne-Marie Østergaard blev valgt som referent.',
        motions: [],
        ballots: [],
      },
      {
        position: 3,
        title: 'Vedtagelse af vedtægter',
        notes:
          'Mette Kjær gennemgik forslaget paragraf for paragraf.\n\n' +
          'Der blev spurgt til reglerne om fuldmagt; det blev præciseret, at en organisation ' +
          'højst kan holde én fuldmagt.',
        motions: [statutesMotion],
        ballots: [
          {
            question: 'Skal forslaget til vedtægter vedtages?',
            secret: false,
            method: 'show_of_hands',
            lines: ['For: 7', 'Imod: 0', 'Blanke: 0', 'Vedtaget'],
          },
        ],
      },
      {
        position: 5,
        title: 'Valg af bestyrelse',
        notes: 'Der var seks kandidater til fem pladser.',
        motions: [],
        ballots: [
          {
            question: 'Valg af bestyrelsesmedlemmer',
            secret: true,
            method: 'electronic',
            lines: [
              'Mette Kjær: 7',
              'Søren Bak: 6',
              'Małgorzata Łódź-Ørsted: 6',
              'Jonas Holm Nielsen: 5',
              'Ali Yılmaz: 5',
              'Lise Vang: 3',
              'Valgt: Mette Kjær, Søren Bak, Małgorzata Łódź-Ørsted, Jonas Holm Nielsen og Ali Yılmaz',
            ],
          },
        ],
      },
    ],
    signatures: [
      {
        role: 'dirigent',
        name: 'Henrik Sørensen',
        signedAt: '2021-01-15T21:03:00+01:00',
        method: 'login',
      },
    ],
    seal: null,
    ...overrides,
  }
}

/** Many organisations, so the table runs over several pages. */
function manyRows(count: number): RegisterRow[] {
  return Array.from({ length: count }, (_, index) => ({
    organisation: `Lokalforening ${index + 1} af ${founders[index % founders.length]}`,
    present: index % 4 !== 3,
    representative: index % 4 === 3 ? null : `Repræsentant nr. ${index + 1}`,
    proxyTo: null,
    proxiesFrom: [],
    mayVote: true,
    reason: null,
    votes: index % 4 === 3 ? 0 : 1,
  }))
}

/** PDF.js may split or join runs on one line; the words are what a reader sees. */
function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

function pageCount(text: string) {
  return Number(text.match(/Side 1 af (\d+)/)?.[1])
}

/** Each page's text: the footer, which ends with "Side N af M", closes every page. */
function pages(text: string) {
  return text.split(/Side \d+ af \d+/).slice(0, -1)
}

/** Every page that shows a row of the table shows its headings above the first row. */
function assertHeadingsRepeated(assert: Assert, text: string) {
  const withRows = pages(text).filter((page) => page.includes('Lokalforening'))
  assert.isAbove(withRows.length, 2)
  for (const page of withRows) {
    assert.match(
      page,
      /Organisation Til stede Repræsentant Fuldmagt til Fuldmagter fra Stemmeret Stemmer Lokalforening/
    )
  }
  return withRows.length
}

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
