import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ShareViewRecorder } from '#newsletters/sharing/share_views'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'

async function sharedCopy() {
  const list = await NewsletterListFactory.with('consentTexts', 1).create()
  const sharer = await SubscriberFactory.create()
  await subscribeTo(sharer, list)
  const { delivery } = await sentIssueFor(list, sharer)
  return { id: delivery.id, issueId: delivery.issueId, subscriberId: sharer.id }
}

const viewsOf = async (deliveryId: number) =>
  Number(
    (
      await db
        .from('newsletter_share_events')
        .where('delivery_id', deliveryId)
        .where('kind', 'view')
        .count('* as total')
        .first()
    ).total
  )

test.group('Share views written in groups', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('views wait for the group and are all written by one flush', async ({ assert }) => {
    const copy = await sharedCopy()
    const recorder = new ShareViewRecorder(60_000)
    for (let index = 0; index < 3; index++) await recorder.record(copy)
    assert.equal(await viewsOf(copy.id), 0)
    await recorder.flush()
    assert.equal(await viewsOf(copy.id), 3)
  })

  test('a full group is written at once, and a short wait writes the rest by itself', async ({
    assert,
  }) => {
    const copy = await sharedCopy()
    const recorder = new ShareViewRecorder(20, 2)
    await recorder.record(copy)
    await recorder.record(copy)
    assert.equal(await viewsOf(copy.id), 2)
    await recorder.record(copy)
    // No flush asked for: the recorder's own timer writes the third view.
    let seen = await viewsOf(copy.id)
    for (let tries = 0; seen < 3 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      seen = await viewsOf(copy.id)
    }
    assert.equal(seen, 3)
  })

  test('with no wait each view is written as it comes', async ({ assert }) => {
    const copy = await sharedCopy()
    await new ShareViewRecorder(0).record(copy)
    assert.equal(await viewsOf(copy.id), 1)
  })

  test('a view of a copy that is gone does not cost the others in its group', async ({
    assert,
  }) => {
    const copy = await sharedCopy()
    const recorder = new ShareViewRecorder(60_000)
    await recorder.record(copy)
    await recorder.record({ ...copy, id: copy.id + 1000 })
    await recorder.record(copy)
    await recorder.flush()
    assert.equal(await viewsOf(copy.id), 2)
    assert.equal(await viewsOf(copy.id + 1000), 0)
  })
})
