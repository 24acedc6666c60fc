import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { issueAssemblyLink } from '#assemblies/links'
import { assemblyWithMembers } from '#tests/helpers/assemblies'

test.group('A ballot in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the chair opens it, a delegate votes from a phone, the chair’s screen counts without a reload, the minutes show the result', async ({
    browserContext,
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2 })
    const [delegateOrg] = organisations
    const link = new URL(await issueAssemblyLink(assembly.id, delegateOrg.id))

    const chairUser = await UserFactory.apply('board').create()
    await browserContext.loginAs(chairUser)
    const chair = await browserContext.newPage()
    await chair.goto(`/assemblies/${assembly.id}/chair`)
    const form = chair.getByTestId('ballot-form')
    await form.getByLabel('Spørgsmål').fill('Godkendes regnskabet?')
    await form.getByRole('button', { name: 'Opret afstemning' }).click()
    await chair.getByRole('button', { name: 'Åbn afstemningen' }).click()
    await chair.getByTestId('live-count').getByText('Afgivne stemmer: 0 · mangler: 2').waitFor()
    await chair.waitForFunction(
      () =>
        document.querySelector('[data-testid="chair"]')?.getAttribute('data-live') === 'connected'
    )
    // The chair's page must not reload: a marker on the window survives only without one.
    await chair.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))

    const phoneContext = await browserContext
      .browser()!
      .newContext({ baseURL: link.origin, viewport: { width: 390, height: 844 } })
    const phone = await phoneContext.newPage()
    await phone.goto(link.pathname)
    await phone.getByText('Godkendes regnskabet?').waitFor()
    await phone.getByRole('button', { name: 'For' }).click()
    await phone.getByText('Din stemme er afgivet.').waitFor()
    await phoneContext.close()

    await chair.getByTestId('live-count').getByText('Afgivne stemmer: 1 · mangler: 1').waitFor()
    assert.equal(
      await chair.evaluate(() => (window as unknown as { marker?: string }).marker),
      'same page'
    )

    await chair.getByRole('button', { name: 'Luk afstemningen' }).click()
    const result = chair.locator('ul.result').first()
    await result.getByText('For: 1').waitFor()
    await result.getByText('Vedtaget (simpelt flertal)').waitFor()

    await chair.goto(`/assemblies/${assembly.id}/minutes`)
    await chair
      .getByTestId('minutes-form')
      .getByRole('button', { name: 'Gem og opdatér referatet' })
      .click()
    await chair.getByText('Referatet (version 1) er opdateret.').waitFor()
    const pdf = await chair.request.get(`/assemblies/${assembly.id}/minutes/pdf`)
    const { pdfText } = await import('#tests/helpers/pdf_text')
    const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ')
    assert.include(text, 'Godkendes regnskabet?')
    assert.include(text, 'For: 1')
  })

  test('the voting register follows a delegate checking in from a phone, without a reload', async ({
    browserContext,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2, present: 0 })
    const link = new URL(await issueAssemblyLink(assembly.id, organisations[0].id))
    await browserContext.loginAs(await UserFactory.apply('board').create())
    const register = await browserContext.newPage()
    await register.goto(`/assemblies/${assembly.id}/register`)
    await register.waitForFunction(
      () =>
        document.querySelector('[data-testid="live-register"]')?.getAttribute('data-live') ===
        'connected'
    )
    await register.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))

    const phoneContext = await browserContext
      .browser()!
      .newContext({ baseURL: link.origin, viewport: { width: 390, height: 844 } })
    const phone = await phoneContext.newPage()
    await phone.goto(link.pathname)
    await phone.getByLabel('Dit navn').fill('Lene Larsen')
    await phone.getByRole('button', { name: 'Vi er til stede' }).click()
    await phone.getByText('Fremmødet er registreret.').waitFor()
    await phoneContext.close()

    await register.getByTestId('register').getByText('Til stede ved Lene Larsen').waitFor()
    await register.waitForFunction(
      () => (window as unknown as { marker?: string }).marker === 'same page'
    )
  })
})
