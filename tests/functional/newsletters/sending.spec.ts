import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type { ParsedMail } from 'mailparser'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import type NewsletterList from '#newsletters/models/newsletter_list'
import type Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import { StartScheduledIssues } from '#newsletters/actions/start_scheduled_issues'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { subscribeTo } from '#tests/helpers/newsletters'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { getAssociationSettings } from '#association/queries/get_association_settings'

const SECTIONS = [
  '<mj-section><mj-column>',
  '<mj-text>Kære {{ first_name }}, velkommen.</mj-text>',
  '<mj-button href="{{ share_url }}">Del</mj-button>',
  '<mj-text><a href="{{ forward_url }}">Send til en kollega</a></mj-text>',
  '</mj-column></mj-section>',
].join('\n')

async function listWithReaders(count: number) {
  const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
    .with('consentTexts', 1)
    .create()
  const readers: Subscriber[] = []
  for (let index = 1; index <= count; index++) {
    const reader = await SubscriberFactory.merge({
      email: `laeser${index}@example.org`,
      name: `Navn${String(index).padStart(2, '0')}x`,
    }).create()
    await subscribeTo(reader, list, 'active')
    readers.push(reader)
  }
  return { list, readers }
}

async function draftFor(list: NewsletterList, subject = 'Nyt fra foreningen') {
  const issue = await NewsletterIssue.create({
    subject,
    preheader: 'Kort fortalt',
    bodyMjml: SECTIONS,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  return issue
}

function rawHeader(message: ParsedMail, key: string) {
  return message.headerLines.find((header) => header.key === key)?.line ?? ''
}

function shareLinkOf(message: ParsedMail) {
  const match = (message.html as string).match(/https?:\/\/[^"]+\/del\/([0-9a-z]+\.[\w-]{22})"/)
  return match?.[1] ?? null
}

test.group('Sending an issue', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher({
      refuseRecipient: (address) => (address.startsWith('afvist') ? 550 : null),
    })
    return () => catcher.stop()
  })

  test('25 readers get their own copy with both unsubscribe headers; one-click; the next send skips them', async ({
    client,
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.merge({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })
    await settings.save()
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list, readers } = await listWithReaders(25)
    // Never mailed: a bounced address, a reader still pending, an erased one.
    await subscribeTo(await SubscriberFactory.apply('bounced').create(), list, 'active')
    await subscribeTo(await SubscriberFactory.create(), list, 'pending')
    const issue = await draftFor(list)

    const response = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Udgaven sendes nu til 25 modtagere.')
    await catcher.waitFor(() => catcher.messages.length >= 25)
    assert.lengthOf(catcher.messages, 25)

    const tokens = new Set<string>()
    const messageIds = new Set<string>()
    for (const message of catcher.messages) {
      const reader = readers.find((r) => recipientsOf(message).includes(r.email!))!
      assert.exists(reader, `unexpected recipient ${recipientsOf(message)}`)
      const html = message.html as string
      assert.include(html, `Kære ${reader.name}, velkommen.`)
      assert.include(message.text!, `Kære ${reader.name}, velkommen.`)
      for (const other of readers.filter((r) => r.id !== reader.id)) {
        assert.notInclude(html + message.text, other.name!)
      }
      const token = shareLinkOf(message)
      assert.isNotNull(token)
      tokens.add(token!)
      assert.include(html, `/del/${token}/videresend`)
      assert.notInclude(html + message.text, '{{')

      assert.match(
        rawHeader(message, 'list-unsubscribe'),
        /<https?:\/\/[^>]+\/u\/[^>]+>,\s*<mailto:/
      )
      assert.match(
        rawHeader(message, 'list-unsubscribe-post'),
        /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/
      )
      assert.match(rawHeader(message, 'list-id'), new RegExp(`<${list.slug}\\.`))
      // From is the association's own address from its settings (see #shared/mail/sender).
      assert.equal(message.from?.value[0].address, 'kontakt@socialtalks.example')
      assert.equal(message.from?.value[0].name, 'Social Talks')
      // Replies go to From already: a Reply-To naming the same address would add nothing.
      assert.isUndefined(message.replyTo)
      messageIds.add(message.messageId!)
    }
    assert.equal(tokens.size, 25, 'every reader has their own share token')
    assert.equal(messageIds.size, 25, 'every message has its own Message-ID')

    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.isNotNull(issue.compiledHtml)
    const statuses = await NewsletterDelivery.query().where('issue_id', issue.id)
    assert.lengthOf(statuses, 25)
    assert.isTrue(statuses.every((delivery) => delivery.status === 'sent'))
    assert.exists(await AuditEvent.findBy('action', 'issue.send_started'))

    // The mail program's own unsubscribe button: a POST with no session or token.
    const leaving = catcher.messages[0]
    const url = new URL(rawHeader(leaving, 'list-unsubscribe').match(/<(https?:[^>]+)>/)![1])
    const oneClick = await client.post(url.pathname).form({ 'List-Unsubscribe': 'One-Click' })
    oneClick.assertStatus(200)

    const next = await draftFor(list, 'Næste udgave')
    catcher.messages.length = 0
    await client
      .post(`/newsletters/issues/${next.id}/send`)
      .form(await confirmedSend(next.id))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    await catcher.waitFor(() => catcher.messages.length >= 24)
    assert.lengthOf(catcher.messages, 24)
    const leaver = recipientsOf(leaving)
    assert.isFalse(catcher.messages.some((message) => recipientsOf(message) === leaver))
  })

  test('a refused recipient fails with the server answer on the issue page; the rest are sent', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list } = await listWithReaders(2)
    const refused = await SubscriberFactory.merge({ email: 'afvist@example.org' }).create()
    await subscribeTo(refused, list, 'active')
    const issue = await draftFor(list)

    await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(secretariat)
      .withCsrfToken()
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    const failed = await NewsletterDelivery.query()
      .where('issue_id', issue.id)
      .where('status', 'failed')
    assert.lengthOf(failed, 1)
    assert.match(failed[0].error!, /550/)

    const page = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes('afvist@example.org')
    page.assertTextIncludes('Mailbox unavailable')
    page.assertTextIncludes('2 af 3 sendt · 1 fejlet')
  })

  test('sending twice sends once; a sent issue cannot be started again', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list } = await listWithReaders(3)
    const issue = await draftFor(list)
    const form = await confirmedSend(issue.id)
    for (let round = 0; round < 2; round++) {
      await client
        .post(`/newsletters/issues/${issue.id}/send`)
        .form(form)
        .loginAs(secretariat)
        .withCsrfToken()
    }
    assert.lengthOf(catcher.messages, 3)
    assert.lengthOf(await NewsletterDelivery.query().where('issue_id', issue.id), 3)
  })

  test('pause keeps the rest queued, resume sends them, cancel stops for good', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list, readers } = await listWithReaders(4)
    const issue = await draftFor(list)
    // As if a worker had sent two before the secretariat pressed pause.
    issue.merge({
      status: 'sending',
      compiledHtml: '<html><body>Kære {{ first_name }}</body></html>',
    })
    await issue.save()
    for (const [index, reader] of readers.entries()) {
      await NewsletterDelivery.create({
        issueId: issue.id,
        subscriberId: reader.id,
        status: index < 2 ? 'sent' : 'queued',
        attempts: index < 2 ? 1 : 0,
      })
    }

    const paused = await client
      .post(`/newsletters/issues/${issue.id}/pause`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    paused.assertFlashMessage('success', 'Udsendelsen er sat på pause.')
    await issue.refresh()
    assert.equal(issue.status, 'paused')
    const progress = await client
      .get(`/newsletters/issues/${issue.id}/progress`)
      .loginAs(secretariat)
    progress.assertBodyContains({ status: 'paused', total: 4, sent: 2, queued: 2, percent: 50 })

    await client.post(`/newsletters/issues/${issue.id}/resume`).loginAs(secretariat).withCsrfToken()
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.lengthOf(catcher.messages, 2)

    const other = await draftFor(list, 'Annulleres')
    other.merge({ status: 'paused', compiledHtml: '<html><body>x</body></html>' })
    await other.save()
    await NewsletterDelivery.create({
      issueId: other.id,
      subscriberId: readers[0].id,
      status: 'queued',
      attempts: 0,
    })
    await client.post(`/newsletters/issues/${other.id}/cancel`).loginAs(secretariat).withCsrfToken()
    await other.refresh()
    assert.equal(other.status, 'cancelled')
    const resumed = await client
      .post(`/newsletters/issues/${other.id}/resume`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    resumed.assertFlashMessage('error', 'Det kan ikke lade sig gøre med udgaven, som den står nu.')
    assert.lengthOf(catcher.messages, 2)
  })

  test('a scheduled issue waits for its time, then goes out by itself', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list } = await listWithReaders(2)
    const issue = await draftFor(list)
    const at = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 1 }).startOf('minute')

    const response = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(
        await confirmedSend(issue.id, { when: 'later', send_at: at.toFormat("yyyy-MM-dd'T'HH:mm") })
      )
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await issue.refresh()
    assert.equal(issue.status, 'scheduled')
    assert.equal(issue.scheduledAt!.toMillis(), at.toMillis())
    assert.lengthOf(catcher.messages, 0)
    assert.deepEqual(await new StartScheduledIssues().handle(), [])

    issue.scheduledAt = DateTime.now().minus({ minutes: 1 })
    await issue.save()
    assert.deepEqual(await new StartScheduledIssues().handle(), [issue.id])
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.lengthOf(catcher.messages, 2)

    const pastIssue = await draftFor(list)
    const past = await client
      .post(`/newsletters/issues/${pastIssue.id}/send`)
      .form(await confirmedSend(pastIssue.id, { when: 'later', send_at: '2021-01-15T10:00' }))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    past.assertFlashMessage('error', 'Tidspunktet er passeret; vælg et senere eller send nu.')
  })

  test('nothing to send: no lists, an issue with errors, lists without readers', async ({
    client,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const noLists = await NewsletterIssue.create({
      subject: 'Uden lister',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'test',
    })
    const send = async (id: number) =>
      client
        .post(`/newsletters/issues/${id}/send`)
        .form(await confirmedSend(id))
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)
    ;(await send(noLists.id)).assertFlashMessage(
      'error',
      'Vælg mindst én liste, før udgaven sendes.'
    )

    const empty = await NewsletterListFactory.with('consentTexts', 1).create()
    ;(await send((await draftFor(empty)).id)).assertFlashMessage(
      'error',
      'Listerne har ingen aktive abonnenter, så der er ingen at sende til.'
    )

    const broken = await draftFor(empty)
    broken.bodyMjml = SECTIONS.replace('</mj-text>', '')
    await broken.save()
    ;(await send(broken.id)).assertFlashMessage(
      'error',
      'Udgaven kan ikke sendes: 1 ting skal rettes først. Se tjekket på udgavens side.'
    )
  })

  test('roles: the board reads the page; only the secretariat and admins send', async ({
    client,
  }) => {
    const { list } = await listWithReaders(1)
    const issue = await draftFor(list)
    const board = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    ;(await client.get(`/newsletters/issues/${issue.id}`).loginAs(board)).assertStatus(200)
    ;(await client.get(`/newsletters/issues/${issue.id}`).loginAs(treasurer)).assertStatus(403)
    for (const action of ['send', 'pause', 'resume', 'cancel']) {
      const response = await client
        .post(`/newsletters/issues/${issue.id}/${action}`)
        .form({ when: 'now' })
        .loginAs(board)
        .withCsrfToken()
      response.assertStatus(403)
    }
    const anonymous = await client.get(`/newsletters/issues/${issue.id}/progress`).redirects(0)
    anonymous.assertStatus(302)
  })
})
