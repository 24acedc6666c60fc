import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ShareEvent, { type ShareEventKind } from '#newsletters/models/share_event'
import { getShareHistory, getTopSharers } from '#newsletters/queries/share_stats'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'

test.group('Share statistics', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('sharers are ranked by sign-ups, then forwards, then views; a reader’s history goes issue by issue', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const ida = await SubscriberFactory.merge({ name: 'Ida' }).create()
    const bo = await SubscriberFactory.merge({ name: 'Bo' }).create()
    for (const reader of [ida, bo]) await subscribeTo(reader, list)
    const first = await sentIssueFor(list, ida)
    const idaSecond = await sentIssueFor(list, ida)
    const boCopy = await sentIssueFor(list, bo)
    const record = async (
      copy: Awaited<ReturnType<typeof sentIssueFor>>,
      sharerId: number,
      kinds: ShareEventKind[]
    ) => {
      for (const kind of kinds) {
        const newSubscriber = kind === 'signup' ? (await SubscriberFactory.create()).id : null
        await ShareEvent.create({
          deliveryId: copy.delivery.id,
          issueId: copy.issue.id,
          sharerId,
          kind,
          newSubscriberId: newSubscriber,
        })
      }
    }
    await record(first, ida.id, ['view', 'view', 'forward'])
    await record(idaSecond, ida.id, ['view'])
    await record(boCopy, bo.id, ['view', 'signup'])

    const top = await getTopSharers({})
    assert.deepEqual(
      top.map((row) => [row.name, row.views, row.forwards, row.signups]),
      [
        ['Bo', 1, 0, 1],
        ['Ida', 3, 1, 0],
      ]
    )
    const ofFirstIssue = await getTopSharers({ issueId: first.issue.id })
    assert.deepEqual(
      ofFirstIssue.map((row) => [row.subscriberId, row.views, row.forwards, row.signups]),
      [[ida.id, 2, 1, 0]]
    )
    const history = await getShareHistory(ida.id)
    assert.deepEqual(
      history.map((row) => [row.issueId, row.views, row.forwards, row.signups]),
      [
        [idaSecond.issue.id, 1, 0, 0],
        [first.issue.id, 2, 1, 0],
      ]
    )
  })
})
