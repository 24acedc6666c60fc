import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { UserFactory } from '#database/factories/user_factory'

const STATUTES = {
  name: 'Social Talks',
  notice_days: '14',
  motion_deadline_days: '7',
  proxies_per_organisation: '1',
  dues_grace_months: '0',
  extraordinary_request_percent: '10',
  unpaid_dues_remove_voting_right: '1',
  votes_when_not_invoiced: '1',
  votes_when_dues_not_due: '1',
  vat_exempt: '1',
  vat_exemption_text: 'Kontingentet er fritaget for moms.',
}

const RETENTION = {
  retention_delivery_months: '12',
  retention_share_event_months: '18',
  retention_forward_months: '0',
  retention_ip_months: '3',
  retention_login_token_days: '7',
  retention_former_member_months: '36',
}

test.group('Data retention settings', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the form shows the defaults in their own fieldset', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get('/settings').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Opbevaring af data')
    page.assertTextIncludes('name="retention_delivery_months"')
    for (const [name, value] of Object.entries({
      retention_delivery_months: 24,
      retention_forward_months: 6,
      retention_login_token_days: 0,
      retention_former_member_months: 24,
    })) {
      page.assertTextIncludes(`name="${name}"`)
      if (!new RegExp(`name="${name}"[^>]*value="${value}"`).test(page.text())) {
        throw new Error(`${name} is not shown as ${value}`)
      }
    }
  })

  test('saved with 0 where 0 is allowed, shown again and logged by label', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({ ...STATUTES, ...RETENTION })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Indstillingerne er gemt.')
    const settings = await getAssociationSettings()
    assert.strictEqual(settings.retentionDeliveryMonths, 12)
    assert.strictEqual(settings.retentionShareEventMonths, 18)
    assert.strictEqual(settings.retentionForwardMonths, 0)
    assert.strictEqual(settings.retentionIpMonths, 3)
    assert.strictEqual(settings.retentionLoginTokenDays, 7)
    assert.strictEqual(settings.retentionFormerMemberMonths, 36)
    const event = await AuditEvent.query().where('action', 'settings.updated').firstOrFail()
    assert.deepEqual(event.changes!.retentionForwardMonths, { from: 6, to: 0 })

    const page = await client.get('/settings').loginAs(admin)
    assert.match(page.text(), /name="retention_forward_months"[^>]*value="0"/)
    page.assertTextIncludes('Videresendelser til kolleger (måneder)')
  })

  test('an emptied field is an error naming what it keeps, not 0 and not forever', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({ ...STATUTES, ...RETENTION, retention_ip_months: '' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      retention_ip_months: [
        'Skriv hvor mange måneder IP-adresser gemmes: et helt tal fra 0 til 120.',
      ],
    })
    assert.equal((await getAssociationSettings()).retentionIpMonths, 6)
    assert.equal((await getAssociationSettings()).retentionDeliveryMonths, 24)
  })

  test('out of range, decimals and text are refused, each by its field', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({
        ...STATUTES,
        ...RETENTION,
        retention_delivery_months: '0',
        retention_login_token_days: '91',
        retention_former_member_months: '1,5',
        retention_share_event_months: 'altid',
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      retention_delivery_months: [
        'Skriv hvor mange måneder det gemmes, hvem der fik hvilket nyhedsbrev: et helt tal fra 1 til 120.',
      ],
      retention_share_event_months: [
        'Skriv hvor mange måneder visninger og tilmeldinger via del-links gemmes: et helt tal fra 1 til 120.',
      ],
      retention_login_token_days: [
        'Skriv hvor mange dage brugte og udløbne loginlinks gemmes: et helt tal fra 0 til 90.',
      ],
      retention_former_member_months: [
        'Skriv hvor mange måneder efter udmeldelsen tidligere medlemmers kontaktpersoner gemmes: et helt tal fra 0 til 120.',
      ],
    })
  })

  test('a form without the fieldset leaves the retention settings as they are', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await client
      .put('/settings')
      .form({ ...STATUTES, ...RETENTION })
      .loginAs(admin)
      .withCsrfToken()
    const response = await client
      .put('/settings')
      .form({ ...STATUTES, notice_days: '21' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Indstillingerne er gemt.')
    const settings = await getAssociationSettings()
    assert.strictEqual(settings.noticeDays, 21)
    assert.strictEqual(settings.retentionIpMonths, 3)
  })
})
