import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import ConsentText from '#newsletters/models/consent_text'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
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

/** Two lists and 40 fictional readers with the evidence of their consent. Empty tables only. */
export async function seedDemoNewsletters() {
  const existing = await db.from('newsletter_lists').count('* as total').first()
  if (Number(existing?.total ?? 0) > 0) return false

  const texts: ConsentText[] = []
  for (const { consent, ...fields } of LISTS) {
    const list = await NewsletterList.create({ ...fields, isPublic: true })
    texts.push(
      await ConsentText.create({
        listId: list.id,
        version: 1,
        body: consent,
        createdBy: 'demo data',
      })
    )
  }

  // The first newsletter, waiting in the composer to be tested and sent.
  const issue = await NewsletterIssue.create({
    subject: 'Velkommen til Social Talks',
    preheader: 'Foreningen er stiftet – og der er plads til flere',
    bodyMjml: await readFile(app.makePath('database/seeders/newsletters/first_issue.mjml'), 'utf8'),
    status: 'draft',
    createdBy: 'demo data',
  })
  await issue.related('lists').attach([texts[0].listId])

  for (let index = 0; index < 40; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]
    const requestedAt = DateTime.fromISO('2021-01-20T09:00:00Z').plus({
      days: index * 3,
      minutes: index * 7,
    })
    const subscriber = await Subscriber.create({
      email: `${first}.${last}.${index}@example.org`.toLowerCase(),
      name: first,
      ...(index === 39
        ? { suppressedReason: 'bounced' as const, suppressedAt: requestedAt.plus({ days: 30 }) }
        : {}),
    })
    // Everyone reads the newsletter; every third reader also Medlemsnyt.
    for (const text of index % 3 === 0 ? texts : texts.slice(0, 1)) {
      const pending = index >= 36 && index < 39
      const unsubscribed = index === 35
      await Subscription.create({
        subscriberId: subscriber.id,
        listId: text.listId,
        status: pending ? 'pending' : unsubscribed ? 'unsubscribed' : 'active',
        consentTextId: text.id,
        source: index % 5 === 0 ? 'import' : 'form',
        requestedAt,
        requestIp: index % 5 === 0 ? null : `192.0.2.${index + 1}`,
        confirmedAt: pending ? null : requestedAt.plus({ minutes: 12 }),
        unsubscribedAt: unsubscribed ? requestedAt.plus({ days: 200 }) : null,
      })
    }
  }
  return true
}
