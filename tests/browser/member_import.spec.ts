import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import { UserFactory } from '#database/factories/user_factory'
import { ContactFactory, OrganisationFactory } from '#database/factories/organisation_factory'
import { memberFile } from '#tests/helpers/member_files'

const PHONE = { width: 360, height: 740 }

test.group('Importing the register in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the preview shows a changed row, a refused row and a missing member on a phone; the corrected file is imported', async ({
    browserContext,
    assert,
  }) => {
    const livsvaerk = await OrganisationFactory.merge({
      name: 'LIVSVÆRK',
      cvr: '10150817',
      city: 'Aarhus',
    }).create()
    await ContactFactory.apply('primary')
      .merge({ organisationId: livsvaerk.id, email: 'lene@livsvaerk.example.org' })
      .create()
    await OrganisationFactory.apply('applicant').merge({ name: 'Ansøger' }).create()
    await OrganisationFactory.merge({ name: 'Glemt Forening' }).create()
    await browserContext.loginAs(await UserFactory.apply('board').create())
    const page = await browserContext.newPage()
    await page.setViewportSize(PHONE)

    const header = 'Navn;CVR;By;Status;Kontaktperson;E-mail'
    const changed = 'LIVSVÆRK;10150817;Odense C;aktiv;Lene Larsen;lene@livsvaerk.example.org'
    await page.goto('/members/import')
    await page.getByLabel('Fil').setInputFiles({
      name: 'medlemmer.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(memberFile([header, changed, 'Ansøger;;;udmeldt;Ib;ib@example.org'])),
    })
    await page.getByRole('button', { name: 'Kontrollér filen' }).click()
    await page.getByText('By: Aarhus → Odense C').waitFor()
    await page
      .getByText('række 3: Status: status kan ikke ændres fra ansøger til udmeldt ved import')
      .waitFor()
    await page.getByTestId('import-missing').getByText('Glemt Forening (aktiv)').waitFor()
    assert.equal(await page.getByTestId('import-confirm').count(), 0)
    assert.isAtMost(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width)

    await page.getByLabel('Fil').setInputFiles({
      name: 'rettet.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(memberFile([header, changed, 'Ansøger;;;ansøger;Ib;ib@example.org'])),
    })
    await page.getByRole('button', { name: 'Kontrollér filen' }).click()
    const confirm = page.getByTestId('import-confirm')
    await confirm.getByLabel('Meld de aktive medlemmer ud pr. denne dato').check()
    await confirm.getByLabel('Udmeldt pr.').fill('2026-12-31')
    await confirm.getByRole('button', { name: 'Importér 2 ændringer' }).click()
    await page
      .getByText('Importeret: 0 nye, 2 ændrede, 0 uændrede organisationer; 1 meldt ud.')
      .waitFor()

    await livsvaerk.refresh()
    assert.equal(livsvaerk.city, 'Odense C')
    const forgotten = await Organisation.findByOrFail('name', 'Glemt Forening')
    assert.equal(forgotten.status, 'resigned')
    assert.equal(forgotten.leftOn?.toISODate(), '2026-12-31')
  })
})
