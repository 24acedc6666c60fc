import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ParsedMail } from 'mailparser'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { subscribeTo } from '#tests/helpers/newsletters'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { readerToken, verifyReaderToken } from '#newsletters/reader_links'
import { getShareTotals } from '#newsletters/queries/share_stats'
import { shareViews } from '#newsletters/sharing/share_views'

const SECTIONS = [
  '<mj-section><mj-column>',
  '<mj-text>Kære {{ first_name }}, her er årets første nyt.</mj-text>',
  '<mj-button href="{{ share_url }}">Del med en kollega</mj-button>',
  '<mj-text><a href="{{ forward_url }}">Send til en kollega</a></mj-text>',
  '</mj-column></mj-section>',
].join('\n')

/** The path of the first link to a share page in the mail, as a reader would click it. */
function sharePathOf(message: ParsedMail) {
  const match = (message.html as string).match(/https?:\/\/[^/"]+(\/del\/[0-9a-z]+\.[\w-]{22})"/)
  return match?.[1] ?? null
}

async function shareEventCount(issueId: number) {
  const row = await db.from('newsletter_share_events').where('issue_id', issueId).count('* as n')
  return Number(row[0].n)
}

test.group('A test copy’s share link', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('opens a personal share page that counts nothing; the real send still reaches the address once', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev', isPublic: true })
      .with('consentTexts', 1)
      .create()
    const reader = await SubscriberFactory.merge({
      email: 'sekretaer@example.org',
      name: 'Birgitte Holm',
    }).create()
    await subscribeTo(reader, list, 'active')
    const other = await SubscriberFactory.merge({ email: 'anden@example.org' }).create()
    await subscribeTo(other, list, 'active')
    const issue = await NewsletterIssue.create({
      subject: 'Nyt fra foreningen',
      preheader: 'Kort fortalt',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'test',
    })
    await issue.related('lists').attach([list.id])

    const sent = await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'sekretaer@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    sent.assertFlashMessage('success', 'Testen er sendt til 1 adresse.')
    const testMail = await catcher.waitFor((m) => m.subject === '[Test] Nyt fra foreningen')
    const sharePath = sharePathOf(testMail)
    assert.isNotNull(sharePath, 'the test copy has a share link')
    assert.notInclude(testMail.html as string, '/nyhedsbrev/udgave/' + issue.id + '?k=" >Del')
    const token = sharePath!.slice('/del/'.length)
    assert.isNotNull(verifyReaderToken('test_share', token), 'signed as a test copy')
    assert.isNull(verifyReaderToken('share', token), 'no reader’s delivery token')
    assert.include(testMail.html as string, `${sharePath}/videresend`)
    assert.lengthOf(await NewsletterDelivery.query().where('issue_id', issue.id), 0)

    // The page as the secretary sees it from her mail: no session, the issue, her name, marked as a test.
    const page = await client.get(sharePath!)
    page.assertStatus(200)
    page.assertTextIncludes('Nyt fra foreningen')
    page.assertTextIncludes('Birgitte har delt dette nyhedsbrev med dig.')
    page.assertTextIncludes('Testkopi')
    const frame = page
      .text()
      .match(/<iframe\s+src="([^"]+)"/)![1]
      .replace(/&amp;/g, '&')
    // A path on the page's own site, so the frame is never blocked as another origin.
    assert.match(frame, /^\/nyhedsbrev\/udgave\/\d+\?k=/)
    const web = await client.get(frame)
    web.assertStatus(200)
    web.assertTextIncludes('her er årets første nyt.')
    // A second test to the same address keeps the link the first gave.
    await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'sekretaer@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
    await catcher.waitFor(() => catcher.messages.length >= 2)
    assert.equal(sharePathOf(catcher.messages[1]), sharePath)

    // Forwarding from a test copy says what would happen and sends nothing.
    const forward = await client
      .post(`${sharePath}/videresend`)
      .form({ email: 'kollega@example.org', note: 'Se her' })
      .withCsrfToken()
      .redirects(0)
    forward.assertFlashMessage(
      'error',
      'Testkopi: intet er sendt. Fra en modtagers link ville kollega@example.org nu have fået udgaven én gang med din hilsen.'
    )
    const forwardPage = await client.get(`${sharePath}/videresend`)
    forwardPage.assertStatus(200)
    forwardPage.assertTextIncludes('Testkopi')

    // Signing up from a test copy is a real request for the list, credited to nobody.
    const signup = await client
      .post(`${sharePath}/tilmeld`)
      .form({ email: 'ny@example.org', name: 'Ny', consent: 'on', list_id: list.id })
      .withCsrfToken()
      .redirects(0)
    signup.assertFlashMessage(
      'success',
      'Tak! Se din indbakke: du skal bekræfte tilmeldingen via linket i den mail, vi har sendt.'
    )
    await catcher.waitFor((m) => recipientsOf(m).includes('ny@example.org'))
    const newcomer = await Subscriber.findByOrFail('email', 'ny@example.org')
    assert.isNull(newcomer.referredById)
    const request = await Subscription.findByOrFail('subscriber_id', newcomer.id)
    assert.equal(request.status, 'pending')

    await shareViews.flush()
    assert.equal(await shareEventCount(issue.id), 0)
    assert.deepEqual(await getShareTotals({ issueId: issue.id }), {
      views: 0,
      forwards: 0,
      signups: 0,
      confirmed: 0,
    })

    // The real send: the test address is a reader like the others and gets its copy once.
    catcher.messages.length = 0
    const sending = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    sending.assertFlashMessage('success', 'Udgaven sendes nu til 2 modtagere.')
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const toReader = catcher.messages.filter((m) =>
      recipientsOf(m).includes('sekretaer@example.org')
    )
    assert.lengthOf(toReader, 1)
    assert.equal(toReader[0].subject, 'Nyt fra foreningen')
    assert.notInclude(
      recipientsOf(catcher.messages[0]) + recipientsOf(catcher.messages[1]),
      'kollega'
    )
    const realPath = sharePathOf(toReader[0])!
    assert.notEqual(realPath, sharePath)
    assert.isNotNull(verifyReaderToken('share', realPath.slice('/del/'.length)))

    // A reader's view counts; the test copy's page, opened again, still does not.
    ;(await client.get(realPath)).assertStatus(200)
    ;(await client.get(sharePath!)).assertStatus(200)
    await shareViews.flush()
    assert.equal((await getShareTotals({ issueId: issue.id })).views, 1)
  })

  test('a test copy’s token for an erased address, or signed for another purpose, finds nothing', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const issue = await NewsletterIssue.create({
      subject: 'Kladde',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'test',
    })
    await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'test@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
    const sharePath = sharePathOf(await catcher.waitFor())!
    ;(await client.get(sharePath)).assertStatus(200)
    const copyId = verifyReaderToken('test_share', sharePath.slice('/del/'.length))!
    ;(await client.get(`/del/${readerToken('unsubscribe', copyId)}`)).assertStatus(404)
    const subscriber = await Subscriber.findByOrFail('email', 'test@example.org')
    subscriber.erasedAt = subscriber.createdAt
    await subscriber.save()
    ;(await client.get(sharePath)).assertStatus(404)
    assert.lengthOf(await db.from('newsletter_share_events'), 0)
  })
})
