import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { subscribeTo } from '#tests/helpers/newsletters'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

const SECTIONS = [
  '<mj-section>',
  '  <mj-column>',
  '    <mj-text>Kære {{ first_name }}, velkommen til Social Talks.</mj-text>',
  '    <mj-button href="{{ share_url }}">Del med en kollega</mj-button>',
  '  </mj-column>',
  '</mj-section>',
].join('\n')

test.group('Sending and sharing a newsletter in the browser', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('send a test, send the issue, open a reader’s share link, subscribe through it and see the credit', async ({
    browserContext,
    assert,
  }) => {
    const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
      .with('consentTexts', 1)
      .create()
    const ida = await SubscriberFactory.merge({ email: 'ida@example.org', name: 'Ida' }).create()
    await subscribeTo(ida, list)
    const issue = await NewsletterIssue.create({
      subject: 'Velkommen',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'test',
    })
    await issue.related('lists').attach([list.id])

    const secretariat = await UserFactory.apply('secretariat').create()
    await browserContext.loginAs(secretariat)
    const page = await browserContext.newPage()

    // A test to the secretariat's own inbox first.
    await page.goto(`/newsletters/issues/${issue.id}/edit`)
    await page.getByLabel('Til').fill('sofie@example.org')
    await page.getByRole('button', { name: 'Send test' }).click()
    await page.getByText('Testen er sendt til 1 adresse.').waitFor()
    const testCopy = await catcher.waitFor((m) => recipientsOf(m).includes('sofie@example.org'))
    assert.equal(testCopy.subject, '[Test] Velkommen')

    // Then the real thing, from the issue's page.
    await page.goto(`/newsletters/issues/${issue.id}`)
    await page.getByText('Udgaven går til 1 modtager.').waitFor()
    await page.getByRole('button', { name: 'Send udgaven' }).click()
    await page.getByRole('button', { name: 'Send nu til 1 modtager' }).click()
    await page.getByText('Udgaven sendes nu til 1 modtager.').waitFor()
    await page.getByTestId('progress-text').getByText('1 af 1 sendt · 0 fejlet').waitFor()
    const copy = await catcher.waitFor((m) => recipientsOf(m).includes('ida@example.org'))
    const shareLink = findLink(copy, '/del/')

    // A colleague opens Ida's link in a browser of their own and subscribes.
    const colleague = await browserContext.browser()!.newContext({ baseURL: shareLink.origin })
    const sharePage = await colleague.newPage()
    await sharePage.goto(shareLink.pathname)
    await sharePage.getByText('Ida har delt dette nyhedsbrev med dig.').waitFor()
    await sharePage
      .frameLocator('[data-testid="web-version"]')
      .getByText('Kære læser, velkommen til Social Talks.')
      .waitFor()
    assert.isTrue(await sharePage.getByRole('link', { name: 'LinkedIn' }).isVisible())
    await sharePage.getByLabel('E-mail').fill('bo@example.org')
    await sharePage.getByLabel('Fornavn (valgfrit)').fill('Bo')
    await sharePage.getByLabel('Ja tak, send mig nyhedsbrevet.', { exact: false }).check()
    await sharePage.getByRole('button', { name: 'Tilmeld' }).click()
    await sharePage.getByText('Se din indbakke').waitFor()

    const confirmation = await catcher.waitFor((m) => recipientsOf(m).includes('bo@example.org'))
    await sharePage.goto(findLink(confirmation, '/nyhedsbrev/bekraeft/').pathname)
    await sharePage.getByRole('button', { name: 'Bekræft tilmelding' }).click()
    await sharePage.getByText('Du er tilmeldt').waitFor()
    await colleague.close()

    // The secretariat sees the sign-up credited to Ida.
    await page.goto(`/newsletters/issues/${issue.id}`)
    await page.getByText('ny abonnent via deling (1 bekræftet)').waitFor()
    await page.getByTestId('top-sharers').getByRole('link', { name: 'Ida' }).click()
    await page.getByTestId('share-history').getByText('Velkommen').waitFor()
    const signups = await page
      .getByTestId('share-history')
      .locator('tbody tr td')
      .nth(3)
      .textContent()
    assert.equal(signups?.trim(), '1')
  })
})
