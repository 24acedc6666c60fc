import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import OutboxMessage from '#shared/mail/outbox_message'
import { getAssociationSettings } from '#association/queries/get_association_settings'

test.group('Outbox mail transport', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('stores the message instead of sending it, From the association', async ({ assert }) => {
    const settings = await getAssociationSettings()
    settings.merge({ name: 'Social Talks', email: null })
    await settings.save()
    await mail.use('outbox').send((message) => {
      message
        .to('bestyrelse@example.org', 'Bestyrelsen')
        .subject('Indkaldelse til generalforsamling')
        .html('<p>Kære medlemmer – æøå</p>')
        .text('Kære medlemmer – æøå')
        .listUnsubscribe('https://example.org/u/abc', { oneClick: true })
    })
    const stored = await OutboxMessage.query().firstOrFail()
    assert.equal(stored.subject, 'Indkaldelse til generalforsamling')
    assert.equal(stored.toAddresses, 'Bestyrelsen <bestyrelse@example.org>')
    // The association's name, at the configured address while it has none of its own.
    assert.equal(stored.fromAddress, 'Social Talks <sekretariat@example.org>')
    assert.equal(stored.html, '<p>Kære medlemmer – æøå</p>')
    assert.equal(stored.text, 'Kære medlemmer – æøå')
    assert.match(stored.messageId, /@/)
    assert.property(stored.headers, 'List-Unsubscribe-Post')
  })
})
