import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import ConsentText from '#newsletters/models/consent_text'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { FIRST_ISSUE_BLOCKS } from '#database/demo/newsletters/first_issue_template'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import ShareEvent, { type ShareEventKind } from '#newsletters/models/share_event'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { hashToken } from '#shared/tokens'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

const LISTS = [
  {
    name: 'Nyhedsbrev',
    slug: 'nyhedsbrev',
    forMembers: false,
    description:
      'Nyt om viden til praktikere, der arbejder med børn og unge: Video Talks, uddannelse og arrangementer.',
    consent:
      'Ja tak, send mig Social Talks’ nyhedsbrev på e-mail, højst to gange om måneden. Jeg kan altid afmelde mig via linket i hver mail.',
  },
  {
    name: 'Medlemsnyt',
    slug: 'medlemsnyt',
    forMembers: true,
    description: 'Nyt til medlemsorganisationerne: generalforsamling, kontingent og medlemstilbud.',
    consent:
      'Ja tak, send mig Medlemsnyt fra Social Talks på e-mail. Jeg kan altid afmelde mig via linket i hver mail.',
  },
]

const FIRST_NAMES = [
  'Anne',
  'Bo',
  'Camilla',
  'Dennis',
  'Eva',
  'Frederik',
  'Gitte',
  'Hans',
  'Ida',
  'Jonas',
]
const LAST_NAMES = ['Andersen', 'Berg', 'Christensen', 'Dahl']

/** The first issue went out on this day, after the founding on 15 January. */
const FIRST_ISSUE_SENT = DateTime.fromISO('2021-01-28T08:00:00Z')

/** Readers whose share links were used, with views per reader and forwards to colleagues. */
const SHARERS = [
  { index: 1, views: 9, forwards: 2 },
  { index: 4, views: 6, forwards: 1 },
  { index: 7, views: 4, forwards: 1 },
  { index: 12, views: 2, forwards: 0 },
]
/** Readers 30–32 came through shares: whose link brought each. */
const SIGNED_UP_THROUGH = new Map([
  [30, 1],
  [31, 4],
  [32, 1],
])

/**
 * Two lists and 40 fictional readers with the evidence of their consent,
 * the first newsletter as sent (with what its share links led to) and the
 * next as a draft. Empty tables only.
 */
export async function seedDemoNewsletters() {
  const existing = await db.from('newsletter_lists').count('* as total').first()
  if (Number(existing?.total ?? 0) > 0) return false

  const texts: ConsentText[] = []
  for (const { consent, ...fields } of LISTS) {
    const list = await NewsletterList.create({ ...fields, isPublic: true, archivePublic: true })
    texts.push(
      await ConsentText.create({
        listId: list.id,
        version: 1,
        body: consent,
        createdBy: 'demo data',
      })
    )
  }

  const readers: Subscriber[] = []
  for (let index = 0; index < 40; index++) readers.push(await seedReader(index, texts, readers))
  await seedFirstIssue(texts[0].listId, readers)
  await NewsletterTemplate.create({
    name: 'Velkomstbrev (Social Talks’ første nyhedsbrev)',
    description: 'Stiftelsen, medlemmerne, tre tilbud og en opfordring til at dele.',
    bodyMjml: renderBlocks(FIRST_ISSUE_BLOCKS),
    createdBy: 'demo data',
  })

  // The next issue, waiting in the composer to be tested and sent.
  const draft = await NewsletterIssue.create({
    subject: 'Vidensmægleruddannelsen: sidste chance for at komme med',
    preheader: 'Online fra marts, og en ny produktionsdag for Video Talks',
    bodyMjml: await readFile(app.makePath('database/demo/newsletters/second_issue.mjml'), 'utf8'),
    status: 'draft',
    createdBy: 'secretariat@example.org',
  })
  await draft.related('lists').attach([texts[0].listId])
  return true
}

async function seedReader(index: number, texts: ConsentText[], earlier: Subscriber[]) {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]
  const sharer = SIGNED_UP_THROUGH.get(index)
  // The first thirty signed up before the first issue; three came through it.
  const requestedAt =
    index < 30
      ? DateTime.fromISO('2021-01-15T12:00:00Z').plus({ hours: index * 8, minutes: index * 7 })
      : FIRST_ISSUE_SENT.plus({ days: index - 29, hours: 3 })
  const subscriber = await Subscriber.create({
    email: `${first}.${last}.${index}@example.org`.toLowerCase(),
    name: first,
    referredById: sharer === undefined ? null : earlier[sharer].id,
    ...(index === 39
      ? { suppressedReason: 'bounced' as const, suppressedAt: requestedAt.plus({ days: 30 }) }
      : {}),
  })
  // Everyone reads the newsletter; every third reader also Medlemsnyt.
  const lists = index % 3 === 0 && sharer === undefined ? texts : texts.slice(0, 1)
  for (const text of lists) {
    const pending = index >= 36 && index < 39
    const unsubscribed = index === 35
    await Subscription.create({
      subscriberId: subscriber.id,
      listId: text.listId,
      status: pending ? 'pending' : unsubscribed ? 'unsubscribed' : 'active',
      consentTextId: text.id,
      source: sharer !== undefined ? 'share' : index % 5 === 0 ? 'import' : 'form',
      requestedAt,
      requestIp: index % 5 === 0 && sharer === undefined ? null : `192.0.2.${index + 1}`,
      confirmedAt: pending ? null : requestedAt.plus({ minutes: 12 }),
      unsubscribedAt: unsubscribed ? requestedAt.plus({ days: 200 }) : null,
    })
  }
  return subscriber
}

/** The welcome newsletter as it went out to the first thirty readers, and its shares. */
async function seedFirstIssue(listId: number, readers: Subscriber[]) {
  const bodyMjml = await readFile(
    app.makePath('database/demo/newsletters/first_issue.mjml'),
    'utf8'
  )
  const preheader = 'Foreningen er stiftet, og der er plads til flere'
  const compiled = await compileIssue(bodyMjml, await getAssociationSettings(), preheader)
  const issue = await NewsletterIssue.create({
    subject: 'Velkommen til Social Talks',
    preheader,
    bodyMjml,
    compiledHtml: compiled.html,
    status: 'sent',
    createdBy: 'secretariat@example.org',
    sentBy: 'secretariat@example.org',
    sendStartedAt: FIRST_ISSUE_SENT,
    sentAt: FIRST_ISSUE_SENT.plus({ minutes: 3 }),
  })
  await issue.related('lists').attach([listId])

  const deliveries = new Map<number, NewsletterDelivery>()
  for (const [index, reader] of readers.slice(0, 30).entries()) {
    const delivery = await NewsletterDelivery.create({
      issueId: issue.id,
      subscriberId: reader.id,
      status: 'sent',
      attempts: 1,
      sentAt: FIRST_ISSUE_SENT.plus({ seconds: index * 4 }),
    })
    deliveries.set(index, delivery)
  }

  const event = (index: number, kind: ShareEventKind, day: number, extra = {}) => {
    const delivery = deliveries.get(index)!
    return ShareEvent.create({
      deliveryId: delivery.id,
      issueId: issue.id,
      sharerId: delivery.subscriberId,
      kind,
      createdAt: FIRST_ISSUE_SENT.plus({ days: day, hours: 2 + (day % 5) }),
      ...extra,
    })
  }
  for (const sharer of SHARERS) {
    for (let view = 0; view < sharer.views; view++) await event(sharer.index, 'view', view % 6)
    for (let forward = 0; forward < sharer.forwards; forward++) {
      const email = `kollega.${sharer.index}.${forward}@example.org`
      await NewsletterForward.create({
        deliveryId: deliveries.get(sharer.index)!.id,
        recipientEmail: email,
        recipientHash: hashToken(email),
        note: 'Hej! Jeg tænkte, at det her kunne interessere dig.',
        status: 'sent',
        sentAt: FIRST_ISSUE_SENT.plus({ days: forward + 1 }),
      })
      await event(sharer.index, 'forward', forward + 1)
    }
  }
  for (const [index, sharerIndex] of SIGNED_UP_THROUGH) {
    await event(sharerIndex, 'signup', index - 29, { newSubscriberId: readers[index].id })
  }
}
