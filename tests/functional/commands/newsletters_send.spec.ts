import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { subscribeTo } from '#tests/helpers/newsletters'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

/* The command runs as its own process, so this group cleans up after itself. */
test.group('node ace newsletters:send', (group) => {
  commandLayerOnce(group)
  let catcher: MailCatcher
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.teardown(async () => {
    for (const table of [
      'newsletter_deliveries',
      'newsletter_issue_lists',
      'newsletter_issues',
      'subscriptions',
      'subscribers',
      'consent_texts',
      'newsletter_lists',
    ]) {
      await db.from(table).delete()
    }
    await db.from('audit_events').where('module', 'newsletters').delete()
  })

  test('sends an issue to its list, or a test copy; says why it will not', async ({ assert }) => {
    const list = await NewsletterListFactory.create()
    const reader = await SubscriberFactory.merge({ email: 'ida@example.org', name: 'Ida' }).create()
    await subscribeTo(reader, list)
    const issue = await NewsletterIssue.create({
      subject: 'Fra kommandolinjen',
      bodyMjml:
        '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>',
      status: 'draft',
      createdBy: 'test',
    })
    await issue.related('lists').attach([list.id])
    const env = { SMTP_PORT: String(catcher.port), QUEUE_DRIVER: 'sync', MAIL_MAILER: 'smtp' }

    const testCopy = await runAce(
      ['newsletters:send', String(issue.id), '--test', 'bo@example.org'],
      { env }
    )
    assert.equal(testCopy.code, 0, testCopy.stdout + testCopy.stderr)
    assert.include(testCopy.stdout, 'Test of "Fra kommandolinjen" sent to bo@example.org')
    const testMessage = await catcher.waitFor((m) => recipientsOf(m).includes('bo@example.org'))
    assert.equal(testMessage.subject, '[Test] Fra kommandolinjen')

    const sent = await runAce(['newsletters:send', String(issue.id)], { env })
    assert.equal(sent.code, 0, sent.stdout + sent.stderr)
    assert.include(sent.stdout, 'Sending "Fra kommandolinjen" to 1 recipients in 1 batches')
    const copy = await catcher.waitFor((m) => recipientsOf(m).includes('ida@example.org'))
    assert.include(copy.text!, 'Kære Ida')

    const again = await runAce(['newsletters:send', String(issue.id)], { env })
    assert.equal(again.code, 1)
    assert.include(
      again.stdout + again.stderr,
      `Issue ${issue.id} is sent, not a draft; nothing sent`
    )

    const badAddress = await runAce(['newsletters:send', String(issue.id), '--test', 'nej'], {
      env,
    })
    assert.equal(badAddress.code, 1)
    assert.include(badAddress.stdout + badAddress.stderr, '--test needs an e-mail address')

    const unknown = await runAce(['newsletters:send', '999999'], { env })
    assert.equal(unknown.code, 1)
    assert.include(unknown.stdout + unknown.stderr, 'No newsletter issue 999999')
  })
})
