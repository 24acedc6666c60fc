import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscription from '#newsletters/models/subscription'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { foldSpace } from '#tests/helpers/text'

const MAILCHIMP = [
  'Email Address,First Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME',
  'ida@example.org,Ida,2021-01-20 09:00:00,192.0.2.1,2021-01-20 09:12:00',
  'gone@example.org,Gone,2021-01-21 09:00:00,,',
].join('\r\n')

test.group('Subscriber import page', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('previews a Mailchimp export, names the suppressed, and imports on confirmation', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
      .with('consentTexts', 1)
      .create()
    await SubscriberFactory.apply('complained').merge({ email: 'gone@example.org' }).create()

    const preview = await client
      .post('/newsletters/import/preview')
      .field('list_id', String(list.id))
      .file('file', Buffer.from(MAILCHIMP), { filename: 'audience.csv' })
      .loginAs(secretariat)
      .withCsrfToken()
    preview.assertStatus(200)
    const page = foldSpace(preview.text())
    assert.include(page, '1 ny abonnent')
    assert.include(page, 'gone@example.org')
    assert.lengthOf(await Subscription.all(), 0)

    const upload = preview.text().match(/name="upload" value="([^"]+)"/)![1]
    const confirm = await client
      .post('/newsletters/import')
      .form({ upload, file_name: 'audience.csv', list_id: String(list.id) })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    confirm.assertFlashMessage('success', '1 abonnent importeret.')
    const subscription = await Subscription.query().preload('subscriber').firstOrFail()
    assert.equal(subscription.subscriber.email, 'ida@example.org')
    assert.equal(subscription.evidence, 'audience.csv, row 2 (OPTIN_TIME, OPTIN_IP, CONFIRM_TIME)')
  })

  test('a file without opt-in times is refused, row by row, in Danish', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const preview = await client
      .post('/newsletters/import/preview')
      .field('list_id', String(list.id))
      .file('file', Buffer.from('E-mail;Tilmeldt\r\nida@example.org;\r\n'), {
        filename: 'liste.csv',
      })
      .loginAs(secretariat)
      .withCsrfToken()
    assert.include(foldSpace(preview.text()), 'række 2: Tilmeldt: intet tidspunkt for tilmelding')
    assert.notInclude(preview.text(), 'name="upload"')
  })

  test('the board may not import', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    ;(await client.get('/newsletters/import').loginAs(board)).assertStatus(403)
  })
})
