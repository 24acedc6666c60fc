import type { Assert } from '@japa/assert'
import type {
  AssemblyBlock,
  AssociationBlock,
  MinutesDocument,
  MotionBlock,
  NoticeDocument,
  RegisterRow,
  VotingRegisterDocument,
} from '#assemblies/documents/assembly_documents'

/*
 * The founding assembly of 15 January 2021 as the three assembly PDFs
 * (notice, voting register, minutes) receive it, and the readings of a
 * rendered PDF's text that their tests share.
 */
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

export const founders = [
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
export const foundingRegister: RegisterRow[] = founders.map((organisation) => {
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

export function notice(overrides: Partial<NoticeDocument> = {}): NoticeDocument {
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

export function register(overrides: Partial<VotingRegisterDocument> = {}): VotingRegisterDocument {
  return {
    association,
    assembly: founding,
    rows: foundingRegister,
    totals: { members: 7, entitled: 7, present: 6, represented: 7, votes: 7 },
    printedAt: '2021-01-15T18:52:00+01:00',
    ...overrides,
  }
}

export function minutes(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
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
export function manyRows(count: number): RegisterRow[] {
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
export function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

export function pageCount(text: string) {
  return Number(text.match(/Side 1 af (\d+)/)?.[1])
}

/** Each page's text: the footer, which ends with "Side N af M", closes every page. */
function pages(text: string) {
  return text.split(/Side \d+ af \d+/).slice(0, -1)
}

/** Every page that shows a row of the table shows its headings above the first row. */
export function assertHeadingsRepeated(assert: Assert, text: string) {
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
