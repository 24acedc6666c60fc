import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { readerToken } from '#newsletters/reader_links'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import {
  ConsentTextFactory,
  NewsletterListFactory,
  SubscriberFactory,
} from '#database/factories/newsletter_factory'

/** Two public lists, each with its own consent text, on one sent issue. */
async function issueOnTwoLists() {
  const news = await NewsletterListFactory.merge({ name: 'Nyheder' }).create()
  const newsConsent = await ConsentTextFactory.merge({
    listId: news.id,
    body: 'Ja tak til nyhederne om foreningens arbejde.',
  }).create()
  const courses = await NewsletterListFactory.merge({ name: 'Kurser' }).create()
  const coursesConsent = await ConsentTextFactory.merge({
    listId: courses.id,
    body: 'Ja tak til invitationer til kurser og arrangementer.',
  }).create()
  const sharer = await SubscriberFactory.merge({ name: 'Ida' }).create()
  await subscribeTo(sharer, news)
  const { issue, delivery } = await sentIssueFor(news, sharer)
  await issue.related('lists').attach([courses.id])
  return { news, newsConsent, courses, coursesConsent, token: readerToken('share', delivery.id) }
}

test.group('Consent on a share page that offers several lists', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('each list shows its own consent text, and the one recorded is that of the list chosen', async ({
    client,
    assert,
  }) => {
    const { courses, newsConsent, coursesConsent, token } = await issueOnTwoLists()
    const page = await client.get(`/del/${token}`)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Ja tak til nyhederne om foreningens arbejde.')
    assert.include(html, 'Ja tak til invitationer til kurser og arrangementer.')
    // Each choice is described by its own text, and the box refers to the choice.
    assert.match(html, new RegExp(`aria-describedby="share-consent-${courses.id}"`))
    assert.include(html, 'Jeg giver samtykke som beskrevet under den liste, jeg har valgt.')

    await client
      .post(`/del/${token}/tilmeld`)
      .form({ email: 'kollega@example.org', consent: 'on', list_id: courses.id })
      .withCsrfToken()
    const colleague = await Subscriber.findByOrFail('email', 'kollega@example.org')
    const subscriptions = await Subscription.query().where('subscriber_id', colleague.id)
    assert.lengthOf(subscriptions, 1)
    assert.equal(subscriptions[0].listId, courses.id)
    assert.equal(subscriptions[0].consentTextId, coursesConsent.id)
    assert.notEqual(subscriptions[0].consentTextId, newsConsent.id)
  })
})
