import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { UserFactory } from '#database/factories/user_factory'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { renderBlocks } from '#newsletters/blocks/render_blocks'

const VALID_FORM = {
  name: 'Social Talks',
  cvr: 'DK 10 15 08 17',
  address: 'Vesterbrogade 1',
  postcode: '1620',
  city: 'København V',
  email: 'sekretariat@example.org',
  phone: '+45 33 12 34 56',
  bank_reg_no: '1234',
  bank_account_no: '0012345678',
  founded_on: '2021-01-15',
  notice_days: '21',
  motion_deadline_days: '14',
  proxies_per_organisation: '2',
  unpaid_dues_remove_voting_right: '1',
  dues_grace_months: '2',
  votes_when_not_invoiced: '1',
  votes_when_dues_not_due: '1',
  extraordinary_request_percent: '10',
  vat_exempt: '1',
  vat_exemption_text: 'Kontingentet er momsfritaget, jf. momslovens § 13, stk. 1, nr. 4.',
}

test.group('Association settings', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the admin sees the form with the statutes defaults', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/settings').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('Vedtægter')
    response.assertTextIncludes('name="notice_days"')
    response.assertTextIncludes('value="14"')
    response.assertTextIncludes('momslovens § 13, stk. 1, nr. 4')
    response.assertTextIncludes('Et medlem, der endnu ikke er faktureret for året, har stemmeret')
    response.assertTextIncludes('name="votes_when_dues_not_due"')
  })

  test('saving valid settings stores them and logs every change', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form(VALID_FORM)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings')
    response.assertFlashMessage('success', 'Indstillingerne er gemt.')

    const settings = await getAssociationSettings()
    assert.equal(settings.cvr, '10150817')
    assert.equal(settings.postcode, '1620')
    assert.equal(settings.city, 'København V')
    assert.equal(settings.noticeDays, 21)
    assert.equal(settings.proxiesPerOrganisation, 2)
    assert.equal(settings.duesGraceMonths, 2)
    assert.equal(settings.foundedOn?.toISODate(), '2021-01-15')

    const event = await AuditEvent.findByOrFail('action', 'settings.updated')
    assert.equal(event.actorLabel, admin.email)
    assert.deepEqual(event.changes?.noticeDays, { from: 14, to: 21 })
  })

  test('an unticked box turns a setting off', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const unticked: Partial<typeof VALID_FORM> = { ...VALID_FORM }
    delete unticked.unpaid_dues_remove_voting_right
    delete unticked.votes_when_not_invoiced
    await client.put('/settings').form(unticked).loginAs(admin).withCsrfToken()
    const settings = await getAssociationSettings()
    assert.isFalse(settings.unpaidDuesRemoveVotingRight)
    assert.isFalse(settings.votesWhenNotInvoiced)
    assert.isTrue(settings.votesWhenDuesNotDue)
  })

  test('invalid values are named next to their fields and nothing is saved', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({
        ...VALID_FORM,
        name: '',
        cvr: '12345678',
        postcode: '800',
        bank_reg_no: '12',
        notice_days: '0',
        proxies_per_organisation: 'two',
        vat_exemption_text: '',
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      name: ['Skal udfyldes.'],
      cvr: ['Ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer).'],
      postcode: ['Skal være et postnummer på 4 cifre.'],
      bank_reg_no: ['Reg.nr. er 4 cifre.'],
      notice_days: ['Skal være mellem 1 og 90.'],
      proxies_per_organisation: ['Skal være et tal.'],
      vat_exemption_text: ['Skriv teksten om momsfritagelse, når kontingentet er momsfritaget.'],
    })
    const settings = await getAssociationSettings()
    assert.equal(settings.noticeDays, 14)
    assert.lengthOf(await AuditEvent.query().where('action', 'settings.updated'), 0)
  })

  test('the page shows the errors next to the fields after a failed save', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/settings')
      .form({ ...VALID_FORM, postcode: '800' })
      .header('referer', '/settings')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('<h1>Indstillinger</h1>')
    response.assertTextIncludes('id="field-postcode-error"')
    response.assertTextIncludes('Skal være et postnummer på 4 cifre.')
    response.assertTextIncludes('value="800"')
  })

  test('a secretariat user may neither see nor change the settings', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const page = await client.get('/settings').loginAs(secretariat)
    page.assertStatus(403)
    const save = await client.put('/settings').form(VALID_FORM).loginAs(secretariat).withCsrfToken()
    save.assertStatus(403)
    assert.equal((await getAssociationSettings()).noticeDays, 14)
  })

  test('a logo is uploaded, served publicly and refused when too large or of the wrong type', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const upload = await client
      .put('/settings')
      .fields(VALID_FORM)
      .file('logo', png, { filename: 'logo.png' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    upload.assertFlashMessage('success', 'Indstillingerne er gemt.')
    const logo = await client.get('/association/logo').loginAs(admin)
    logo.assertStatus(200)
    logo.assertHeader('content-type', 'image/png')
    assert.equal(Number(logo.header('content-length')), png.length)
    // Public and cacheable, so without the admin's session cookie.
    assert.isUndefined(logo.header('set-cookie'))

    const wrongType = await client
      .put('/settings')
      .fields(VALID_FORM)
      .file('logo', Buffer.from('MZ'), { filename: 'logo.exe' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    wrongType.assertFlashMessage('inputErrorsBag', { logo: ['Brug en PNG-, JPG- eller SVG-fil.'] })
  })
  test('the brand colour must carry white text; a dark one restyles the newsletter', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const light = await client
      .put('/settings')
      .form({ ...VALID_FORM, brand_colour: '#ffcc00' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    light.assertFlashMessage('inputErrorsBag', {
      brand_colour: [
        'Hvid tekst på farven har kontrasten 1,5:1; vælg en mørkere farve (mindst 4,5:1).',
      ],
    })
    await client
      .put('/settings')
      .form({ ...VALID_FORM, brand_colour: '#7A1F5C' })
      .loginAs(admin)
      .withCsrfToken()
    const settings = await getAssociationSettings()
    assert.equal(settings.brandColour, '#7a1f5c')
    const compiled = await compileIssue(
      renderBlocks([
        { type: 'button', label: 'Læs mere om årsmødet', href: 'https://example.org/a' },
      ]),
      settings,
      null
    )
    assert.deepEqual(compiled.problems, [])
    assert.include(compiled.html!, 'background:#7a1f5c')
    assert.notInclude(compiled.html!, '#1f5c99')
  })
})
