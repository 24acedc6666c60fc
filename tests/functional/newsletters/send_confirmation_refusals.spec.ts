import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscription from '#newsletters/models/subscription'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
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
})
