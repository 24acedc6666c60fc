import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import queue from '@adonisjs/queue/services/main'
import ShareEvent from '#newsletters/models/share_event'
import { SubscribeThroughShare } from '#newsletters/actions/subscribe_through_share'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { isUniqueViolation } from '#shared/database_constraints'

test.group('Subscribing through a share link', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    queue.fake()
    return () => queue.restore()
  })

  test('a new reader is credited to the sharer once, however often the form is sent', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const sharer = await SubscriberFactory.merge({ email: 'ida@example.org' }).create()
    await subscribeTo(sharer, list)
    const { delivery } = await sentIssueFor(list, sharer)
    const subscribe = () =>
      new SubscribeThroughShare().handle({
        delivery,
        listId: list.id,
        email: 'bo@example.org',
        name: 'Bo',
        ip: null,
      })
    assert.equal((await subscribe()).status, 'confirmation_sent')
    await subscribe()
    const credits = await ShareEvent.query().where('kind', 'signup')
    assert.lengthOf(credits, 1)
    assert.equal(credits[0].sharerId, sharer.id)

    // The key itself refuses a second credit for the same reader, as two forms at once would try.
    const again = await ShareEvent.create({
      deliveryId: delivery.id,
      issueId: delivery.issueId,
      sharerId: sharer.id,
      kind: 'signup',
      newSubscriberId: credits[0].newSubscriberId,
    }).catch((error: unknown) => error)
    assert.isTrue(isUniqueViolation(again))
  })
})
