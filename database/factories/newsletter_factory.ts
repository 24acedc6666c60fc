import factory from '@adonisjs/lucid/factories'
import NewsletterList from '#newsletters/models/newsletter_list'
import ConsentText from '#newsletters/models/consent_text'
import Subscriber from '#newsletters/models/subscriber'

export const ConsentTextFactory = factory
  .define(ConsentText, () => ({
    version: 1,
    body: 'Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.',
    createdBy: 'test',
  }))
  .build()

/** A public list with its first consent text. State: forMembers (offered in the member portal). */
export const NewsletterListFactory = factory
  .define(NewsletterList, ({ faker }) => ({
    name: 'Nyhedsbrev',
    slug: `liste-${faker.number.int({ min: 1, max: 9_999_999 })}`,
    description: null,
    isPublic: true,
    archivePublic: true,
    forMembers: false,
  }))
  .state('forMembers', (list) => (list.forMembers = true))
  .relation('consentTexts', () => ConsentTextFactory)
  .build()

/** Readers. States: bounced, complained, unsubscribed (suppressed addresses). */
export const SubscriberFactory = factory
  .define(Subscriber, ({ faker }) => ({
    email: faker.internet.email().toLowerCase(),
    name: faker.person.firstName(),
  }))
  .state('bounced', (subscriber) => (subscriber.suppressedReason = 'bounced'))
  .state('complained', (subscriber) => (subscriber.suppressedReason = 'complained'))
  .state('unsubscribed', (subscriber) => (subscriber.suppressedReason = 'unsubscribed'))
  .build()
