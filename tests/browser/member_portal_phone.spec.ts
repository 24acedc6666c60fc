import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { issueAssemblyLink } from '#assemblies/links'
import { ContactFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { issueInvoice, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'
import { accessibilityViolations } from '#tests/helpers/page_checks'
import { phoneProblems } from '#tests/helpers/touch_targets'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

test.group('Member portal on a 360 px phone', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.timeout(180_000)

  test('log in by mail, read the balance, fetch an invoice, find the voting link, name a newsletter recipient and see it in the history', async ({
    visit,
    assert,
  }) => {
    await sellerSettings()
    const { assembly, organisations } = await assemblyWithMembers({ members: 1, present: 0 })
    const organisation = organisations[0]
    organisation.tierId = (await tierWithFee('Organisationer', 125_000)).id
    await organisation.save()
    await ContactFactory.apply('primary')
      .merge({ organisationId: organisation.id, name: 'Lene Larsen', email: 'lene@example.org' })
      .create()
    const bo = await ContactFactory.apply('billing')
      .merge({ organisationId: organisation.id, name: 'Bo Bogholder', email: 'bo@example.org' })
      .create()
    const invoice = await issueInvoice(organisation)
    await db.from('assemblies').where('id', assembly.id).update({ status: 'notice_sent' })
    const votingLink = await issueAssemblyLink(assembly.id, organisation.id)
    await NewsletterListFactory.apply('forMembers')
      .merge({ name: 'Medlemsnyt' })
      .with('consentTexts', 1)
      .create()

    const page = await visit('/medlem')
    await page.setViewportSize({ width: 360, height: 740 })
    const checkPage = async (label: string) => {
      assert.deepEqual(await accessibilityViolations(page), [], label)
      assert.deepEqual(await phoneProblems(page, 360), [], label)
    }
    await page.getByLabel('Din e-mail').fill('lene@example.org')
    await page.getByRole('button', { name: 'Send login-link' }).click()
    const message = await catcher.waitFor((m) => recipientsOf(m).includes('lene@example.org'))
    await page.goto(findLink(message, '/medlem/login/').pathname)
    await page.getByRole('button', { name: 'Log ind' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/organisation')

    const outstanding = page.getByTestId('outstanding')
    assert.equal((await outstanding.innerText()).trim(), '1.250,00 kr.')
    await checkPage('overview')

    const nav = page.getByRole('navigation', { name: 'Medlemsportalen' })
    await nav.getByRole('link', { name: 'Fakturaer' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/fakturaer')
    await checkPage('invoices')
    const pdfLink = page.getByRole('link', { name: `Hent ${invoice.number} som PDF` })
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')

    await nav.getByRole('link', { name: 'Generalforsamlinger' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/generalforsamlinger')
    await checkPage('assemblies')
    assert.equal(
      await page.getByTestId('voting-link').getAttribute('href'),
      votingLink,
      'the organisation’s own personal link'
    )

    await nav.getByRole('link', { name: 'Nyhedsbreve' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/nyhedsbreve')
    await checkPage('newsletters')
    await page.getByRole('button', { name: 'Gør Bo Bogholder til modtager' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/nyhedsbreve')
    await page.assertTextContains('.flash.success', 'Bo Bogholder er nu modtager')
    await page.getByTestId('recipient').filter({ hasText: 'Bo Bogholder' }).waitFor()
    await bo.refresh()
    assert.isTrue(bo.isNewsletter)

    await nav.getByRole('link', { name: 'Historik' }).click()
    await page.waitForURL((url) => url.pathname === '/medlem/historik')
    await checkPage('history')
    await page.getByText('Bo Bogholder hos Forening 1 blev modtager af nyhedsbreve').waitFor()

    // The language switch is one small button in the header, beside the name.
    await page.getByTestId('language-switch').click()
    await page.waitForURL((url) => url.pathname === '/medlem/historik')
    await page.getByRole('navigation', { name: 'Member portal' }).waitFor()
    await page.assertTextContains('h1', 'History')
    const header = await page.locator('header.topbar').boundingBox()
    assert.isAtMost(header!.height, 80, 'the header stays one row on a phone')
  })
})
