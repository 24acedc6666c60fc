import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'

const SETTINGS = {
  dues_proration: 'none',
  invoice_due_days: '30',
  reminder_fee: '0,00',
  reminder_interval_days: '14',
}

test.group('Dues settings: automatic reminders', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the treasurer ticks the box to turn them on and unticks it to turn them off', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const form = await client.get('/dues/fees').loginAs(treasurer)
    form.assertStatus(200)
    assert.match(form.text(), /<input\s+type="checkbox"\s+id="field-automatic_reminders"[^>]*\/>/)
    assert.notMatch(form.text(), /id="field-automatic_reminders"[^>]*checked/)
    form.assertTextIncludes('Send rykkere automatisk hver dag kl. 9')

    const on = await client
      .put('/dues/settings')
      .form({ ...SETTINGS, automatic_reminders: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    on.assertFlashMessage('success', 'Indstillingerne er gemt.')
    assert.isTrue((await getAssociationSettings()).automaticReminders)
    const ticked = await client.get('/dues/fees').loginAs(treasurer)
    assert.match(ticked.text(), /id="field-automatic_reminders"[^>]*checked/)

    // An unticked box is not sent at all.
    const off = await client
      .put('/dues/settings')
      .form(SETTINGS)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    off.assertFlashMessage('success', 'Indstillingerne er gemt.')
    assert.isFalse((await getAssociationSettings()).automaticReminders)
  })

  test('only those who may edit the dues settings can turn them on', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client
      .put('/dues/settings')
      .form({ ...SETTINGS, automatic_reminders: '1' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(403)
    assert.isFalse((await getAssociationSettings()).automaticReminders)
  })
})
