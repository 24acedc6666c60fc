import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { subscribeTo } from '#tests/helpers/newsletters'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { confirmedSend } from '#tests/helpers/send_confirmation'

const GOOD =
  '<mj-section><mj-column><mj-text>Kære {{ first_name }}, velkommen.</mj-text></mj-column></mj-section>'
// An image nobody described: a blocking check, though the MJML itself is fine.
const NO_ALT =
  '<mj-section><mj-column><mj-image src="https://example.org/sol.png" /></mj-column></mj-section>'

async function draft(bodyMjml: string) {
  const list = await NewsletterListFactory.with('consentTexts', 1).create()
  await subscribeTo(await SubscriberFactory.create(), list, 'active')
  const issue = await NewsletterIssue.create({
    subject: 'Nyt fra foreningen',
    preheader: 'Kort fortalt',
    bodyMjml,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  return issue
}

test.group('Checks before sending', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a blocking check stops sending and test sending; the send page lists it', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const issue = await draft(NO_ALT)

    const page = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    page.assertStatus(200)
    assert.include(page.text(), 'data-testid="issue-checks"')
    assert.include(page.text(), 'Billedet sol.png har ingen alt-tekst.')
    assert.include(page.text(), 'data-blocking="true"')

    const send = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(await confirmedSend(issue.id))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    send.assertFlashMessage(
      'error',
      'Udgaven kan ikke sendes: 1 ting skal rettes først. Se tjekket på udgavens side.'
    )
    await issue.refresh()
    assert.equal(issue.status, 'draft')
    assert.isNull(issue.compiledHtml)
    assert.lengthOf(await NewsletterDelivery.query().where('issue_id', issue.id), 0)

    const testSend = await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'anna@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    testSend.assertFlashMessage('error', 'Udgaven har 1 fejl; ret dem før du sender en test.')
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(catcher.messages, 0)
  })

  test('a clean issue shows no findings on its page', async ({ client }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const issue = await draft(GOOD)
    const page = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    page.assertTextIncludes('Ingen fund: udgaven er klar til at blive sendt.')
  })

  test('a test send is the real copy: From the association, lang, title, text part, real links', async ({
    client,
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.merge({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })
    await settings.save()
    const secretariat = await UserFactory.apply('secretariat').create()
    const issue = await draft(GOOD)

    await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'anna@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    const message = await catcher.waitFor()
    assert.deepEqual(message.from?.value, [
      { address: 'kontakt@socialtalks.example', name: 'Social Talks' },
    ])
    // Bounces still return to the address the server sends as.
    assert.equal(catcher.senders[0], 'sekretariat@example.org')
    const html = message.html as string
    assert.match(html, /<html lang="da"/)
    assert.include(html, '<title>Nyt fra foreningen</title>')
    assert.include(message.text!, 'Kære læser, velkommen.')
    assert.notInclude(html + message.text, '{{')
    assert.notMatch(html, /href="#/)
    assert.match(html, /href="http:\/\/127\.0\.0\.1:\d+\/u\/[0-9a-z]+\.[\w-]{22}"/)
    assert.match(html, /href="http:\/\/127\.0\.0\.1:\d+\/nyhedsbrev\/udgave\/\d+\?k=[\w-]{22}"/)
    assert.include(message.text!, '/u/')
  })
})
