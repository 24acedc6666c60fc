import { test } from '@japa/runner'
import env from '#start/env'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import ShareEvent from '#newsletters/models/share_event'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { readerToken, webVersionUrl } from '#newsletters/reader_links'
import { ownPath } from '#shared/absolute_url'
import { EraseSubscriber } from '#newsletters/actions/subscriber_privacy'
import { Actors } from '#audit/actor'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

const COMPILED =
  '<html><body><p>Kære {{ first_name }}</p><a href="{{ share_url }}">Del</a><a href="{{ unsubscribe_url }}">Afmeld</a><a href="{{ web_url }}">Web</a></body></html>'

/** An issue as it stands once sent, and the sharer's copy of it. */
async function sentIssueWithSharer(list: NewsletterList) {
  const sharer = await SubscriberFactory.merge({ email: 'ida@example.org', name: 'Ida' }).create()
  await subscribeTo(sharer, list)
  const { issue, delivery } = await sentIssueFor(list, sharer, COMPILED)
  return { sharer, issue, delivery, token: readerToken('share', delivery.id) }
}

test.group('Share links, forwards and the web version', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a share link shows the issue with share buttons and counts the view; forged links are 404', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { issue, token, delivery } = await sentIssueWithSharer(list)

    const page = await client.get(`/del/${token}`)
    page.assertStatus(200)
    page.assertTextIncludes('Ida har delt dette nyhedsbrev med dig.')
    page.assertTextIncludes('Velkommen til Social Talks')
    const shareUrl = encodeURIComponent(`${env.get('APP_URL')}/del/${token}`)
    page.assertTextIncludes(`https://www.linkedin.com/sharing/share-offsite/?url=${shareUrl}`)
    page.assertTextIncludes(`https://www.facebook.com/sharer/sharer.php?u=${shareUrl}`)
    // The web version is framed by its path, on the share page's own origin.
    page.assertTextIncludes(`src="${ownPath(webVersionUrl(issue.id))}"`)
    assert.notInclude(page.text(), 'ida@example.org')
    const views = await ShareEvent.query().where('delivery_id', delivery.id).where('kind', 'view')
    assert.lengthOf(views, 1)

    const forged = `${delivery.id.toString(36)}.${'A'.repeat(22)}`
    ;(await client.get(`/del/${forged}`)).assertStatus(404)
    ;(await client.get('/del/nonsense')).assertStatus(404)
    ;(await client.get(`/del/${readerToken('unsubscribe', delivery.id)}`)).assertStatus(404)
  })

  test('a link opened again within seconds is served from what the first view read; an erased sharer’s link is gone at once', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { sharer, token, delivery } = await sentIssueWithSharer(list)
    ;(await client.get(`/del/${token}`)).assertStatus(200)
    // A rename is shown after a few seconds; the second view is served from the first one's read.
    await Subscriber.query().where('id', sharer.id).update({ name: 'Ulla' })
    ;(await client.get(`/del/${token}`)).assertTextIncludes('Ida har delt dette nyhedsbrev')
    const views = await ShareEvent.query().where('delivery_id', delivery.id).where('kind', 'view')
    assert.lengthOf(views, 2)

    await new EraseSubscriber().handle(sharer.id, Actors.system('test'))
    ;(await client.get(`/del/${token}`)).assertStatus(404)
  })

  test('readers of one issue each get their own name, links and form token from the prepared page', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { issue, token } = await sentIssueWithSharer(list)
    const other = await SubscriberFactory.merge({ name: '<b>Bo</b> Berg' }).create()
    const otherCopy = await NewsletterDelivery.create({
      issueId: issue.id,
      subscriberId: other.id,
      status: 'sent',
      attempts: 1,
    })
    const otherToken = readerToken('share', otherCopy.id)

    const first = (await client.get(`/del/${token}`)).text()
    const second = (await client.get(`/del/${otherToken}`)).text()
    const again = (await client.get(`/del/${token}`)).text()
    assert.include(second, '&lt;b&gt;Bo&lt;/b&gt; har delt')
    assert.notInclude(second, 'Ida')
    assert.include(second, `action="/del/${otherToken}/tilmeld"`)
    assert.include(second, encodeURIComponent(`/del/${otherToken}`))
    assert.notInclude(second, token)
    for (const page of [first, second, again]) assert.notMatch(page, /stand0?in/i)
    const csrf = (page: string) =>
      [...page.matchAll(/name='_csrf' value='([^']+)'/g)].map((m) => m[1])
    // Each visitor (a new session each here) gets their own CSRF token in both forms.
    assert.lengthOf(csrf(first), 2)
    assert.equal(csrf(first)[0], csrf(first)[1])
    assert.notEqual(csrf(first)[0], csrf(second)[0])
    assert.notEqual(csrf(first)[0], csrf(again)[0])
  })

  test('subscribing through a share link credits the sharer once the reader is new', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { issue, token, sharer } = await sentIssueWithSharer(list)

    const response = await client
      .post(`/del/${token}/tilmeld`)
      .form({ email: 'Kollega@Example.org', name: 'Bo', consent: 'on', list_id: list.id })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Tak! Se din indbakke: du skal bekræfte tilmeldingen via linket i den mail, vi har sendt.'
    )
    const colleague = await Subscriber.findByOrFail('email', 'kollega@example.org')
    assert.equal(colleague.referredById, sharer.id)
    const subscription = await Subscription.findByOrFail('subscriber_id', colleague.id)
    assert.equal(subscription.source, 'share')
    assert.equal(subscription.status, 'pending')

    const confirmation = await catcher.waitFor((m) =>
      recipientsOf(m).includes('kollega@example.org')
    )
    const link = findLink(confirmation, '/nyhedsbrev/bekraeft/')
    assert.isNull(colleague.name)
    await client.post(link.pathname).withCsrfToken()
    assert.equal((await Subscriber.findOrFail(colleague.id)).name, 'Bo')

    const secretariat = await UserFactory.apply('secretariat').create()
    const issuePage = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    issuePage.assertTextIncludes('ny abonnent via deling (1 bekræftet)')
    const sharerPage = await client
      .get(`/newsletters/subscribers/${sharer.id}`)
      .loginAs(secretariat)
    sharerPage.assertTextIncludes('Velkommen til Social Talks')
    const topSharers = await client.get('/newsletters/subscribers').loginAs(secretariat)
    topSharers.assertTextIncludes('Dem, der deler mest')

    // An address we already had is not new: no credit.
    await SubscriberFactory.merge({ email: 'kendt@example.org' }).create()
    await client
      .post(`/del/${token}/tilmeld`)
      .form({ email: 'kendt@example.org', consent: 'on', list_id: list.id })
      .withCsrfToken()
    const signups = await ShareEvent.query().where('kind', 'signup')
    assert.lengthOf(signups, 1)
    assert.equal(signups[0].newSubscriberId, colleague.id)

    const missingConsent = await client
      .post(`/del/${token}/tilmeld`)
      .form({ email: 'ny@example.org', list_id: list.id })
      .withCsrfToken()
      .redirects(0)
    missingConsent.assertStatus(302)
    assert.isNull(await Subscriber.findBy('email', 'ny@example.org'))
  })

  test('a forward reaches the colleague once with the note and a credited subscribe link', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { token, delivery } = await sentIssueWithSharer(list)

    const form = await client.get(`/del/${token}/videresend`)
    form.assertStatus(200)
    form.assertTextIncludes('Hilsen Ida')

    const sent = await client
      .post(`/del/${token}/videresend`)
      .form({ email: 'kollega@example.org', note: 'Se afsnittet om <Video Talks>!' })
      .withCsrfToken()
      .redirects(0)
    sent.assertFlashMessage('success', 'Tak! Nyhedsbrevet er sendt til kollega@example.org.')
    const message = await catcher.waitFor((m) => recipientsOf(m).includes('kollega@example.org'))
    assert.equal(message.subject, 'Ida har sendt dig: Velkommen til Social Talks')
    const html = message.html as string
    assert.include(html, 'Se afsnittet om &lt;Video Talks&gt;!')
    assert.include(html, `/del/${token}`)
    assert.include(html, 'Kære læser')
    assert.notInclude(html, '/u/')
    assert.include(message.text!, 'Se afsnittet om <Video Talks>!')
    assert.equal(message.replyTo?.value[0].address, 'ida@example.org')
    assert.isNull(await Subscriber.findBy('email', 'kollega@example.org'))
    const forward = await NewsletterForward.findByOrFail('delivery_id', delivery.id)
    assert.equal(forward.status, 'sent')

    const again = await client
      .post(`/del/${token}/videresend`)
      .form({ email: 'kollega@example.org' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', 'Du har allerede sendt denne udgave til kollega@example.org.')
    assert.lengthOf(catcher.messages, 1)
    const forwards = await ShareEvent.query().where('kind', 'forward')
    assert.lengthOf(forwards, 1)
  })

  test('forwards are limited per reader', async ({ client }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { token } = await sentIssueWithSharer(list)
    for (let index = 1; index <= 5; index++) {
      const response = await client
        .post(`/del/${token}/videresend`)
        .form({ email: `kollega${index}@example.org` })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
    }
    const sixth = await client
      .post(`/del/${token}/videresend`)
      .form({ email: 'kollega6@example.org' })
      .withCsrfToken()
      .redirects(0)
    sixth.assertStatus(429)
  })

  test('the web version carries no reader links; drafts have none; the archive lists sent issues', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const { issue } = await sentIssueWithSharer(list)

    const web = await client.get(`/nyhedsbrev/udgave/${issue.id}`)
    web.assertStatus(200)
    assert.include(web.text(), 'Kære læser')
    assert.notInclude(web.text(), '/del/')
    assert.notInclude(web.text(), '/u/')
    assert.include(web.header('content-security-policy'), "default-src 'none'")

    const draft = await NewsletterIssue.create({
      subject: 'Kladde',
      bodyMjml: 'x',
      status: 'draft',
      createdBy: 'test',
    })
    ;(await client.get(`/nyhedsbrev/udgave/${draft.id}`)).assertStatus(404)

    const archive = await client.get(`/nyhedsbrev/${list.slug}/arkiv`)
    archive.assertStatus(200)
    archive.assertTextIncludes('Velkommen til Social Talks')
    assert.notInclude(archive.text(), 'Kladde')

    list.archivePublic = false
    await list.save()
    ;(await client.get(`/nyhedsbrev/${list.slug}/arkiv`)).assertStatus(404)
  })
})
