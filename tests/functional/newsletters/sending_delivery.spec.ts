import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ParsedMail } from 'mailparser'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { subscribeTo } from '#tests/helpers/newsletters'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { draftFor, listWithReaders } from '#tests/functional/newsletters/sending_helpers'

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
})
