import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

const SECTIONS =
  '<mj-section><mj-column><mj-text>Kære {{ first_name }}, velkommen.</mj-text></mj-column></mj-section>'

test.group('Test send', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('reaches each address with HTML and text parts, filled for each address as a reader', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const issue = await NewsletterIssue.create({
      subject: 'Velkommen',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'x',
    })
    const response = await client
      .post(`/newsletters/issues/${issue.id}/test`)
      .form({ addresses: 'Anna@example.org, bo@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Testen er sendt til 2 adresser.')
    await catcher.waitFor((m) => recipientsOf(m).includes('bo@example.org'))
    assert.lengthOf(catcher.messages, 2)
    for (const message of catcher.messages) {
      assert.equal(message.subject, '[Test] Velkommen')
      // A test address is no reader with a name: it gets what a nameless reader gets.
      assert.include(message.html as string, 'Kære læser, velkommen.')
      assert.include(message.text!, 'Kære læser, velkommen.')
      assert.notInclude((message.html as string) + message.text, '{{')
      // mailparser folds List-* headers into one object; the raw line is what went over the wire.
      const listId = message.headerLines.find((header) => header.key === 'list-id')?.line
      assert.match(listId ?? '', /^List-Id: <issue-\d+\./i)
    }
    assert.exists(await AuditEvent.findBy('action', 'issue.test_sent'))
  })

  test('an issue with problems is not sent; bad addresses are refused', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const broken = await NewsletterIssue.create({
      subject: 'Fejl',
      bodyMjml: SECTIONS.replace('</mj-text>', ''),
      status: 'draft',
      createdBy: 'x',
    })
    const refused = await client
      .post(`/newsletters/issues/${broken.id}/test`)
      .form({ addresses: 'anna@example.org' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Udgaven har 1 fejl; ret dem før du sender en test.')

    const badAddress = await client
      .post(`/newsletters/issues/${broken.id}/test`)
      .form({ addresses: 'anna@example.org, ikke-en-adresse' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    badAddress.assertFlashMessage('inputErrorsBag', {
      addresses: ['ikke-en-adresse er ikke en e-mailadresse.'],
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(catcher.messages, 0)
  })
})
