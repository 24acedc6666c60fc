import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { UserFactory } from '#database/factories/user_factory'

/** The form as the browser sends it after the admin set every 0-allowed number to 0. */
const ZEROS = {
  name: 'Social Talks',
  notice_days: '21',
  motion_deadline_days: '0',
  proxies_per_organisation: '0',
  dues_grace_months: '0',
  extraordinary_request_percent: '10',
}

test.group('Association settings with 0', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('0 is saved, shown as 0 and saved again unchanged', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const first = await client
      .put('/settings')
      .form(ZEROS)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    first.assertFlashMessage('success', 'Indstillingerne er gemt.')
    const settings = await getAssociationSettings()
    assert.strictEqual(settings.motionDeadlineDays, 0)
    assert.strictEqual(settings.proxiesPerOrganisation, 0)
    assert.strictEqual(settings.duesGraceMonths, 0)

    const page = await client.get('/settings').loginAs(admin)
    for (const name of ['motion_deadline_days', 'proxies_per_organisation', 'dues_grace_months']) {
      assert.match(page.text(), new RegExp(`name="${name}"[^>]*value="0"`), name)
    }
    // What the page shows is what the browser sends back: it must save.
    const again = await client
      .put('/settings')
      .form(ZEROS)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('success', 'Intet var ændret.')
  })

  test('an emptied number field is an error, not 0', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({ ...ZEROS, proxies_per_organisation: '' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { proxies_per_organisation: ['Skal udfyldes.'] })
    assert.equal((await getAssociationSettings()).proxiesPerOrganisation, 1)
  })
})
