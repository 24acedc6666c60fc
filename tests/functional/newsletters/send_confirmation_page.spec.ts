import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { subscribeTo } from '#tests/helpers/newsletters'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import {
  deliveriesOf,
  draftFor,
  readersOn,
} from '#tests/functional/newsletters/send_confirmation_helpers'

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
