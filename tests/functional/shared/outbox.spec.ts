import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OutboxMessage from '#shared/mail/outbox_message'
import { UserFactory } from '#database/factories/user_factory'
import { foldSpace } from '#tests/helpers/text'

test.group('Outbox pages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the admin reads stored mails, the HTML in a sandboxed frame', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const message = await OutboxMessage.create({
      messageId: '<1@kreds.test>',
      fromAddress: 'Kreds <sekretariat@example.org>',
      toAddresses: 'anna@example.org',
      subject: 'Nulstil din adgangskode til Kreds',
      html: '<p>Hej <script>alert(1)</script></p>',
      text: 'Hej Anna',
      headers: {},
    })
    const list = await client.get('/outbox').loginAs(admin)
    list.assertTextIncludes('Nulstil din adgangskode til Kreds')

    const show = await client.get(`/outbox/${message.id}`).loginAs(admin)
    show.assertTextIncludes('Hej Anna')
    assert.include(
      foldSpace(show.text()),
      `<iframe class="mail" sandbox src="/outbox/${message.id}/html"`
    )

    const html = await client.get(`/outbox/${message.id}/html`).loginAs(admin)
    html.assertHeader(
      'content-security-policy',
      "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'"
    )
  })

  test('a board member may not read the outbox', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client.get('/outbox').loginAs(board)
    response.assertStatus(403)
  })
})
