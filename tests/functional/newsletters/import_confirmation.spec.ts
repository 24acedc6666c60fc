import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'

const FILE = [
  'Email Address,First Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME',
  'ida@example.org,Ida,2021-01-20 09:00:00,192.0.2.1,2021-01-20 09:12:00',
  'bo@example.org,Bo,2021-01-21 09:00:00,192.0.2.2,2021-01-21 09:05:00',
].join('\r\n')

/*
 * The subscriber import already confirms through its preview; what the
 * confirmation must also hold: the confirmed file imports once, however
 * often the confirmation is posted.
 */
test.group('The subscriber import, confirmed from its preview', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the preview writes nothing; the confirmation posted again imports nothing twice', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const preview = await client
      .post('/newsletters/import/preview')
      .field('list_id', String(list.id))
      .file('file', Buffer.from(FILE), { filename: 'audience.csv' })
      .loginAs(secretariat)
      .withCsrfToken()
    preview.assertStatus(200)
    assert.lengthOf(await Subscription.all(), 0)
    const upload = preview.text().match(/name="upload" value="([^"]+)"/)![1]
    const confirm = () =>
      client
        .post('/newsletters/import')
        .form({ upload, file_name: 'audience.csv', list_id: String(list.id) })
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)

    ;(await confirm()).assertFlashMessage('success', '2 abonnenter importeret.')
    const again = await confirm()
    again.assertFlashMessage('error', 'Den uploadede fil findes ikke længere. Upload den igen.')
    assert.lengthOf(await Subscription.all(), 2)
    const imports = await AuditEvent.query().where('action', 'subscribers.imported')
    assert.lengthOf(imports, 1)
  })
})
