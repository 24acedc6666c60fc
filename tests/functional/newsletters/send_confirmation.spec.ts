import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscription from '#newsletters/models/subscription'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { subscribeTo } from '#tests/helpers/newsletters'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { confirmedSend } from '#tests/helpers/send_confirmation'

const BODY =
  '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>'

async function readersOn(list: NewsletterList, count: number, prefix = 'laeser') {
  const readers = await SubscriberFactory.merge(
    Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index + 1}@example.org` }))
  ).createMany(count)
  await Subscription.createMany(
    readers.map((reader) => ({
      subscriberId: reader.id,
      listId: list.id,
      status: 'active' as const,
      source: 'form' as const,
      requestedAt: DateTime.now(),
      confirmedAt: DateTime.now(),
    }))
  )
  return readers
}

async function draftFor(lists: NewsletterList[], subject = 'Nyt fra foreningen') {
  const issue = await NewsletterIssue.create({
    subject,
    bodyMjml: BODY,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach(lists.map((list) => list.id))
  return issue
}

const deliveriesOf = async (issueId: number) =>
  (await NewsletterDelivery.query().where('issue_id', issueId)).length

test.group('The confirmation before an issue is sent', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('says how many get it after consent and suppressions, per list, from whom, and lists them by page', async ({
    client,
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.merge({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })
    await settings.save()
    const secretariat = await UserFactory.apply('secretariat').create()
    const members = await NewsletterListFactory.merge({ name: 'Medlemmer' }).create()
    const news = await NewsletterListFactory.merge({ name: 'Nyheder' }).create()
    const readers = await readersOn(members, 52)
    // On both lists: one mail, counted on each list.
    await subscribeTo(readers[0], news)
    await readersOn(news, 2, 'nyhed')
    // Never mailed: bounced, complained, pending, unsubscribed, erased.
    await subscribeTo(await SubscriberFactory.apply('bounced').create(), members)
    await subscribeTo(await SubscriberFactory.apply('complained').create(), news)
    await subscribeTo(await SubscriberFactory.create(), members, 'pending')
    await subscribeTo(await SubscriberFactory.create(), news, 'unsubscribed')
    const erased = await SubscriberFactory.merge({ email: null, erasedAt: DateTime.now() }).create()
    await subscribeTo(erased, members)
    const issue = await draftFor([members, news])

    // As the issue page's form sends it: every field, the unused ones empty or as they were.
    const page = await client
      .get(`/newsletters/issues/${issue.id}/send`)
      .qs({ when: 'now', send_at: '2030-01-15T19:00', rate: '' })
      .loginAs(secretariat)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Sender til 54 modtagere')
    assert.include(html, 'Medlemmer: 52 modtagere')
    assert.include(html, 'Nyheder: 3 modtagere')
    assert.include(html, 'Nyt fra foreningen')
    assert.include(html, 'Social Talks &lt;kontakt@socialtalks.example&gt;')
    assert.include(html, 'Send nu til 54 modtagere')
    assert.include(html, 'data-testid="issue-checks"')
    assert.notInclude(html, 'name="confirm_large"', 'a small send needs no tick')
    assert.include(html, (await confirmedSend(issue.id)).fingerprint)

    const first = await client
      .get(`/newsletters/issues/${issue.id}/recipients`)
      .loginAs(secretariat)
    first.assertStatus(200)
    first.assertTextIncludes('54 modtagere lige nu')
    assert.equal(first.text().match(/<tr>/g)!.length, 51, 'a heading row and 50 readers')
    const second = await client
      .get(`/newsletters/issues/${issue.id}/recipients`)
      .qs({ page: 2 })
      .loginAs(secretariat)
    assert.equal(second.text().match(/<tr>/g)!.length, 5)
    assert.notInclude(first.text() + second.text(), 'afmeldt')

    const later = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 2 }).set({
      hour: 19,
      minute: 0,
    })
    const scheduled = await client
      .get(`/newsletters/issues/${issue.id}/send`)
      .qs({ when: 'later', send_at: later.toFormat("yyyy-MM-dd'T'HH:mm"), rate: 5 })
      .loginAs(secretariat)
    scheduled.assertStatus(200)
    scheduled.assertTextIncludes(`kl. 19.00 til 54 modtagere`)
    scheduled.assertTextIncludes('5 mails i sekundet')
    scheduled.assertTextIncludes('Planlæg udsendelsen')
    assert.equal(await deliveriesOf(issue.id), 0, 'showing the page sends nothing')
  })

  test('the board may look at the recipients but not confirm; others not even look', async ({
    client,
  }) => {
    const list = await NewsletterListFactory.create()
    await readersOn(list, 1)
    const issue = await draftFor([list])
    const board = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    const url = `/newsletters/issues/${issue.id}`
    ;(await client.get(`${url}/send`).qs({ when: 'now' }).loginAs(board)).assertStatus(403)
    ;(await client.get(`${url}/recipients`).loginAs(board)).assertStatus(200)
    ;(await client.get(`${url}/recipients`).loginAs(treasurer)).assertStatus(403)
    const posted = await client
      .post(`${url}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(board)
      .withCsrfToken()
    posted.assertStatus(403)
  })

  test('a send without a CSRF token or without the confirmation sends nothing', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.create()
    await readersOn(list, 3)
    const issue = await draftFor([list])

    const forged = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(secretariat)
      .redirects(0)
    assert.notEqual(forged.status(), 200)
    const unconfirmed = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form({ when: 'now' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    unconfirmed.assertStatus(302)
    assert.equal(unconfirmed.header('location'), `/newsletters/issues/${issue.id}/send?when=now`)
    unconfirmed.assertFlashMessage(
      'error',
      'Se udsendelsen efter og bekræft den her, før den sendes.'
    )
    await issue.refresh()
    assert.equal(issue.status, 'draft')
    assert.equal(await deliveriesOf(issue.id), 0)
    assert.lengthOf(catcher.messages, 0)
  })

  test('readers who joined or left since the page was shown: nothing sent, the new count shown', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.create()
    const readers = await readersOn(list, 3)
    const issue = await draftFor([list])
    const send = (form: Record<string, unknown>) =>
      client
        .post(`/newsletters/issues/${issue.id}/send`)
        .form(form)
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)

    const seen = await confirmedSend(issue.id)
    await readersOn(list, 1, 'ny')
    const joined = await send(seen)
    joined.assertFlashMessage(
      'warning',
      'Modtagerne har ændret sig, siden du så siden: der var 3, nu er der 4. Intet er sendt. Se efter og bekræft igen.'
    )
    assert.equal(joined.header('location'), `/newsletters/issues/${issue.id}/send?when=now`)
    await issue.refresh()
    assert.equal(issue.status, 'draft')
    assert.equal(await deliveriesOf(issue.id), 0)

    // The same number but not the same people: one left, one other joined.
    const again = await confirmedSend(issue.id)
    await Subscription.query()
      .where('subscriber_id', readers[0].id)
      .update({ status: 'unsubscribed' })
    await readersOn(list, 1, 'endnu-en')
    const swapped = await send(again)
    swapped.assertFlashMessage(
      'warning',
      'Modtagerne har ændret sig, siden du så siden: der var 4, nu er der 4. Intet er sendt. Se efter og bekræft igen.'
    )
    assert.equal(await deliveriesOf(issue.id), 0)

    const fresh = await send(await confirmedSend(issue.id))
    fresh.assertFlashMessage('success', 'Udgaven sendes nu til 4 modtagere.')
    assert.equal(fresh.header('location'), `/newsletters/issues/${issue.id}`)
    assert.lengthOf(catcher.messages, 4)
    const mailed = await NewsletterDelivery.query().where('issue_id', issue.id)
    assert.notInclude(
      mailed.map((delivery) => delivery.subscriberId),
      readers[0].id,
      'the reader who left gets nothing'
    )

    // The back button to the page, or the form sent again: the progress, never a second send.
    const back = await client
      .get(`/newsletters/issues/${issue.id}/send`)
      .qs({ when: 'now' })
      .loginAs(secretariat)
      .redirects(0)
    assert.equal(back.header('location'), `/newsletters/issues/${issue.id}`)
    const resubmitted = await send(await confirmedSend(issue.id))
    resubmitted.assertFlashMessage(
      'error',
      'Udgaven er allerede sendt eller ved at blive sendt; den sendes ikke igen.'
    )
    assert.lengthOf(catcher.messages, 4)
    const progress = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    progress.assertTextIncludes('4 af 4 sendt · 0 fejlet')
  })

  test('a large send needs the tick: without it nothing happens, with it the send is scheduled', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.create()
    await readersOn(list, 200)
    const issue = await draftFor([list])
    const at = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 1 }).startOf('minute')
    const choice = { when: 'later', send_at: at.toFormat("yyyy-MM-dd'T'HH:mm") }

    const page = await client
      .get(`/newsletters/issues/${issue.id}/send`)
      .qs(choice)
      .loginAs(secretariat)
    page.assertTextIncludes('name="confirm_large"')
    page.assertTextIncludes('Ja, send til alle 200 modtagere')

    const untick = Object.fromEntries(
      Object.entries(await confirmedSend(issue.id, choice)).filter(
        ([key]) => key !== 'confirm_large'
      )
    )
    const refused = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(untick)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      'Sæt kryds for at bekræfte, at udgaven skal til alle 200 modtagere.'
    )
    await issue.refresh()
    assert.equal(issue.status, 'draft')

    const ticked = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id, choice))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    ticked.assertStatus(302)
    await issue.refresh()
    assert.equal(issue.status, 'scheduled')
    assert.equal(issue.scheduledAt!.toMillis(), at.toMillis())
    assert.lengthOf(catcher.messages, 0)
  }).timeout(60_000)

  test('in English for a secretary who chose English, with no Danish left on the page', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').merge({ locale: 'en' }).create()
    const list = await NewsletterListFactory.merge({ name: 'Members' }).create()
    await readersOn(list, 2)
    const issue = await draftFor([list])
    const page = await client
      .get(`/newsletters/issues/${issue.id}/send`)
      .qs({ when: 'now' })
      .loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes('Sending to 2 recipients')
    page.assertTextIncludes('Members: 2 recipients')
    page.assertTextIncludes('Send now to 2 recipients')
    assert.notInclude(page.text(), 'modtagere')
  })
})
