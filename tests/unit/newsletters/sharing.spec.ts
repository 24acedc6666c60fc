import { test } from '@japa/runner'
import env from '#start/env'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import { publicCopy } from '#newsletters/sharing/web_copy'
import { webVersionUrl } from '#newsletters/reader_links'
import { forwardMessage } from '#newsletters/sharing/forward_message'
import { ForwardIssue } from '#newsletters/actions/forward_issue'
import { shareChartBars, CHART } from '#newsletters/queries/share_chart'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor } from '#tests/helpers/newsletters'

const COMPILED =
  '<html><body><p>Kære {{ first_name }}</p><a href="{{ share_url }}">Del</a><a href="{{ forward_url }}">Send</a><a href="{{ unsubscribe_url }}">Afmeld</a></body></html>'

async function sharedDelivery() {
  const list = await NewsletterListFactory.merge({ slug: 'nyhedsbrev' }).create()
  const sharer = await SubscriberFactory.merge({
    email: 'ida@example.org',
    name: 'Ida Holm',
  }).create()
  const { delivery } = await sentIssueFor(list, sharer, COMPILED)
  await delivery.load('subscriber')
  await delivery.load('issue', (query) => query.preload('lists'))
  return delivery
}

test.group('Sharing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the public copy has no reader’s name or links; a forwarded copy credits the sharer', async ({
    assert,
  }) => {
    const web = publicCopy({ id: 3, compiledHtml: COMPILED }, 'nyhedsbrev')
    assert.include(web, 'Kære læser')
    assert.include(web, `href="${webVersionUrl(3)}"`)
    assert.include(webVersionUrl(3), '/nyhedsbrev/udgave/3?k=')
    assert.include(web, `href="${env.get('APP_URL')}/nyhedsbrev/nyhedsbrev"`)
    assert.notInclude(web, '/del/')
    assert.notInclude(web, '/u/')

    const credited = publicCopy(
      { id: 3, compiledHtml: COMPILED },
      null,
      'https://x.example/del/a.b'
    )
    assert.include(credited, 'href="https://x.example/del/a.b">Del')
  })

  test('a forward shows the note escaped in HTML and as written in text, under the sharer’s first name', async ({
    assert,
  }) => {
    const delivery = await sharedDelivery()
    const forward = new NewsletterForward().merge({
      deliveryId: delivery.id,
      recipientEmail: 'bo@example.org',
      note: 'Læs <b>det her</b> & del',
    })
    const message = forwardMessage(forward, delivery)
    assert.equal(message.subject, 'Ida har sendt dig: Velkommen til Social Talks')
    assert.include(message.html, 'Læs &lt;b&gt;det her&lt;/b&gt; &amp; del')
    assert.notInclude(message.html, 'ida@example.org')
    assert.include(message.text, 'Læs <b>det her</b> & del')
    assert.match(message.html, /<body><div[^>]*>/)
  })

  test('a forward goes to no suppressed address, not to oneself, and once per colleague', async ({
    assert,
  }) => {
    const delivery = await sharedDelivery()
    await SubscriberFactory.merge({ email: 'left@example.org' }).apply('unsubscribed').create()
    const forward = (email: string) => new ForwardIssue().handle({ delivery, email, note: null })
    assert.deepEqual(await forward('left@example.org'), { status: 'unmailable' })
    assert.deepEqual(await forward('IDA@example.org'), { status: 'own_address' })
    const first = await forward('bo@example.org')
    assert.equal(first.status, 'queued')
    assert.deepEqual(await forward('Bo@Example.org'), { status: 'already_forwarded' })
  })

  test('the chart stacks a day’s kinds and scales to the busiest day', ({ assert }) => {
    const { bars, highest } = shareChartBars(
      [
        { day: '2021-01-28', views: 2, forwards: 1, signups: 1 },
        { day: '2021-01-29', views: 0, forwards: 0, signups: 0 },
        { day: '2021-01-30', views: 2, forwards: 0, signups: 0 },
      ],
      'da'
    )
    assert.equal(highest, 4)
    assert.lengthOf(bars, 4)
    const first = bars.filter((bar) => bar.x < CHART.width / 3)
    assert.equal(
      first.reduce((sum, bar) => sum + bar.height, 0),
      CHART.height
    )
    assert.equal(bars.at(-1)!.height, CHART.height / 2)
  })
})
