import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Tier from '#members/models/tier'
import TierFee from '#members/models/tier_fee'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { TierFactory } from '#database/factories/organisation_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { foldSpace } from '#tests/helpers/text'
import { thisYear } from '#tests/functional/dues/helpers'

/** The fee-schedule cell for a tier and year, as the page shows it. */
function feeCell(html: string, tierName: string, years: number[], year: number) {
  const table = foldSpace(html).match(/<table data-testid="fee-schedule">.*?<\/table>/)?.[0] ?? ''
  const row = table.match(new RegExp(`<th scope="row">\\s*${tierName}\\s*</th>(.*?)</tr>`))?.[1]
  if (!row) return null
  const cells = [...row.matchAll(/<td class="num">\s*(.*?)\s*<\/td>/g)].map((match) => match[1])
  return cells[years.indexOf(year)] ?? null
}

function headerYears(html: string) {
  const table = foldSpace(html).match(/<table data-testid="fee-schedule">.*?<\/table>/)?.[0] ?? ''
  return [...table.matchAll(/<th scope="col" class="num">\s*(\d{4})\s*<\/th>/g)].map((match) =>
    Number(match[1])
  )
}

const SETTINGS = {
  dues_proration: 'quarters',
  invoice_due_days: '21',
  reminder_fee: '50,00',
  reminder_interval_days: '14',
}

test.group('Dues: fee schedule, tiers and settings', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test("the treasurer sets next year's fee in Danish kroner and sees it in the table", async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await TierFactory.merge({ name: 'Organisationer' }).create()
    const nextYear = thisYear() + 1

    const response = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(nextYear), amount: '1.250,00' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dues/fees')
    response.assertFlashMessage('success', 'Kontingentet er gemt.')

    const fees = await TierFee.query().where('tier_id', tier.id)
    assert.lengthOf(fees, 1)
    assert.equal(fees[0].year, nextYear)
    assert.strictEqual(fees[0].amountOre, 125_000)
    const audit = await AuditEvent.query().where('module', 'dues').where('action', 'fee.set')
    assert.lengthOf(audit, 1)

    const page = await client.get('/dues/fees').loginAs(treasurer)
    page.assertStatus(200)
    const years = headerYears(page.text())
    assert.include(years, nextYear)
    assert.include(years, thisYear())
    assert.equal(feeCell(page.text(), 'Organisationer', years, nextYear), '1.250,00 kr.')
    // This year has no fee yet: the dash, not next year's amount.
    assert.equal(feeCell(page.text(), 'Organisationer', years, thisYear()), '–')

    // The same amount again changes nothing and says so.
    const again = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(nextYear), amount: '1250' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('success', 'Kontingentet var allerede det.')
    assert.lengthOf(await TierFee.query().where('tier_id', tier.id), 1)
  })

  test('an amount that is not kroner gets the field error and nothing is saved', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await TierFactory.create()

    const response = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(thisYear() + 1), amount: 'tolv' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      amount: ['Skriv et beløb i kroner, fx 1.250,00'],
    })
    assert.lengthOf(await TierFee.all(), 0)

    const negative = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(thisYear() + 1), amount: '-10,00' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    negative.assertFlashMessage('inputErrorsBag', {
      amount: ['Kontingentet kan ikke være negativt.'],
    })
    assert.lengthOf(await TierFee.all(), 0)
  })

  test('the treasurer creates a tier; a second tier of the same name is refused', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()

    const created = await client
      .post('/dues/tiers')
      .form({ name: 'Kommuner og regioner', description: 'Offentlige medlemmer' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    created.assertHeader('location', '/dues/fees')
    created.assertFlashMessage('success', 'Kontingentgruppen er oprettet.')
    const tiers = await Tier.all()
    assert.lengthOf(tiers, 1)
    assert.equal(tiers[0].name, 'Kommuner og regioner')
    assert.equal(tiers[0].description, 'Offentlige medlemmer')

    const duplicate = await client
      .post('/dues/tiers')
      .form({ name: 'Kommuner og regioner' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    duplicate.assertHeader('location', '/dues/fees')
    duplicate.assertFlashMessage('inputErrorsBag', {
      name: ['Der findes allerede en kontingentgruppe med det navn.'],
    })
    assert.lengthOf(await Tier.all(), 1)

    const page = await client.get('/dues/fees').loginAs(treasurer)
    assert.include(foldSpace(page.text()), '<th scope="row">Kommuner og regioner</th>')
  })

  test('the treasurer saves the dues settings', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()

    const response = await client
      .put('/dues/settings')
      .form(SETTINGS)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/dues/fees')
    response.assertFlashMessage('success', 'Indstillingerne er gemt.')

    const settings = await getAssociationSettings()
    assert.equal(settings.duesProration, 'quarters')
    assert.equal(settings.invoiceDueDays, 21)
    assert.strictEqual(settings.reminderFeeOre, 5_000)
    assert.equal(settings.reminderIntervalDays, 14)
    assert.exists(
      await AuditEvent.query()
        .where('module', 'dues')
        .where('action', 'dues.settings_saved')
        .first()
    )

    const page = await client.get('/dues/fees').loginAs(treasurer)
    page.assertTextIncludes('value="50,00"')

    const unchanged = await client
      .put('/dues/settings')
      .form(SETTINGS)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    unchanged.assertFlashMessage('success', 'Intet var ændret.')
  })

  test('a reminder fee over 100 kr. and an interval under 10 days are refused', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()

    const tooHigh = await client
      .put('/dues/settings')
      .form({ ...SETTINGS, reminder_fee: '150,00' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    tooHigh.assertFlashMessage('inputErrorsBag', {
      reminder_fee: ['Rykkergebyret må højst være 100,00 kr.'],
    })

    const tooOften = await client
      .put('/dues/settings')
      .form({ ...SETTINGS, reminder_interval_days: '5' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    tooOften.assertFlashMessage('inputErrorsBag', {
      reminder_interval_days: ['Skal være mindst 10.'],
    })

    const settings = await getAssociationSettings()
    assert.equal(settings.duesProration, 'none')
    assert.equal(settings.invoiceDueDays, 30)
    assert.strictEqual(settings.reminderFeeOre, 0)
    assert.equal(settings.reminderIntervalDays, 14)
  })

  test('the board reads the fee schedule but cannot change it', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const tier = await TierFactory.merge({ name: 'Organisationer' }).create()
    await TierFee.create({ tierId: tier.id, year: thisYear(), amountOre: 100_000 })

    const page = await client.get('/dues/fees').loginAs(board)
    page.assertStatus(200)
    assert.include(page.text(), '1.000,00 kr.')
    assert.notInclude(page.text(), 'data-testid="fee-form"')

    const fee = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(thisYear() + 1), amount: '1.250,00' })
      .loginAs(board)
      .withCsrfToken()
    fee.assertStatus(403)
    const newTier = await client
      .post('/dues/tiers')
      .form({ name: 'Ny gruppe' })
      .loginAs(board)
      .withCsrfToken()
    newTier.assertStatus(403)
    const settings = await client
      .put('/dues/settings')
      .form(SETTINGS)
      .loginAs(board)
      .withCsrfToken()
    settings.assertStatus(403)

    assert.lengthOf(await TierFee.all(), 1)
    assert.lengthOf(await Tier.all(), 1)
    assert.equal((await getAssociationSettings()).reminderFeeOre, 0)
  })

  test('the secretariat may not open the fee schedule; an admin may change it', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const page = await client.get('/dues/fees').loginAs(secretariat)
    page.assertStatus(403)
    const tier = await TierFactory.create()
    const post = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(thisYear()), amount: '100' })
      .loginAs(secretariat)
      .withCsrfToken()
    post.assertStatus(403)
    assert.lengthOf(await TierFee.all(), 0)

    const admin = await UserFactory.apply('admin').create()
    const byAdmin = await client
      .post('/dues/fees')
      .form({ tier_id: String(tier.id), year: String(thisYear()), amount: '100' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    byAdmin.assertFlashMessage('success', 'Kontingentet er gemt.')
    assert.strictEqual((await TierFee.firstOrFail()).amountOre, 10_000)
  })

  test('anonymous visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/dues/fees').redirects(0)
    response.assertHeader('location', '/login')
  })
})
