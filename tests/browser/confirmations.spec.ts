import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Assembly from '#assemblies/models/assembly'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'

const BODY = [
  '<mj-section><mj-column>',
  '<mj-text>Kære {{ first_name }}, her er nyt fra foreningen.</mj-text>',
  '</mj-column></mj-section>',
].join('\n')

test.group('Confirmations in the browser', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.timeout(120_000)

  test('the secretary reads the confirmation, looks at the recipients, sends once and sees the progress', async ({
    browserContext,
    assert,
  }) => {
    const list = await NewsletterListFactory.merge({ name: 'Medlemsnyt' }).create()
    for (const name of ['Anna', 'Bent', 'Carla']) {
      const reader = await SubscriberFactory.merge({
        name,
        email: `${name.toLowerCase()}@example.org`,
      }).create()
      await subscribeTo(reader, list)
    }
    await subscribeTo(await SubscriberFactory.apply('bounced').create(), list)
    const issue = await NewsletterIssue.create({
      subject: 'Nyt fra foreningen',
      preheader: 'Kort fortalt',
      bodyMjml: BODY,
      status: 'draft',
      createdBy: 'test',
    })
    await issue.related('lists').attach([list.id])
    await browserContext.loginAs(await UserFactory.apply('secretariat').create())
    const page = await browserContext.newPage()

    await page.goto(`/newsletters/issues/${issue.id}`)
    await page.getByTestId('send-form').getByRole('button', { name: 'Send udgaven' }).click()
    await page.waitForURL((url) => url.pathname === `/newsletters/issues/${issue.id}/send`)
    await page.getByRole('heading', { name: 'Sender til 3 modtagere' }).waitFor()
    await page.getByTestId('per-list').getByText('Medlemsnyt: 3 modtagere').waitFor()
    assert.lengthOf(await NewsletterDelivery.query().where('issue_id', issue.id), 0)
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the confirmation')
    const phone = await documentWidthOnPhone(page)
    assert.isAtMost(phone.width, PHONE_WIDTH, phone.culprits.join(', '))

    await page.getByTestId('inspect-recipients').click()
    await page.getByText('3 modtagere lige nu, efter adresse.').waitFor()
    const emails = await page
      .getByTestId('recipients')
      .locator('tbody tr td:first-child')
      .allInnerTexts()
    assert.deepEqual(emails, ['anna@example.org', 'bent@example.org', 'carla@example.org'])
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the recipients')
    await page.getByRole('link', { name: 'Tilbage til bekræftelsen' }).click()

    await page.getByRole('button', { name: 'Send nu til 3 modtagere' }).click()
    await page.waitForURL((url) => url.pathname === `/newsletters/issues/${issue.id}`)
    await page.getByText('Udgaven sendes nu til 3 modtagere.').waitFor()
    await page.getByTestId('progress-text').getByText('3 af 3 sendt · 0 fejlet').waitFor()

    // Back to the confirmation: it does not offer the send again.
    await page.goBack()
    await page.waitForURL((url) => url.pathname === `/newsletters/issues/${issue.id}`)
    await page.getByText('Udgaven er allerede sendt eller ved at blive sendt').waitFor()
    await catcher.waitFor(() => catcher.messages.length >= 3)
    assert.lengthOf(catcher.messages, 3)
    assert.lengthOf(await NewsletterDelivery.query().where('issue_id', issue.id), 3)
  })

  test('the board closes an assembly by typing LUK; the back button closes nothing twice', async ({
    browserContext,
    assert,
  }) => {
    const { assembly } = await assemblyWithMembers({ members: 3, present: 2 })
    await browserContext.loginAs(await UserFactory.apply('board').create())
    const page = await browserContext.newPage()

    await page.goto(`/assemblies/${assembly.id}/minutes`)
    await page.getByTestId('close-assembly').click()
    await page.waitForURL((url) => url.pathname === `/assemblies/${assembly.id}/close`)
    await page
      .getByRole('heading', {
        name: 'Lukker generalforsamlingen; afstemninger kan derefter ikke ændres',
      })
      .waitFor()
    await page.getByTestId('attendance').getByText('2 medlemmer tjekket ind').waitFor()
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the confirmation')
    const phone = await documentWidthOnPhone(page)
    assert.isAtMost(phone.width, PHONE_WIDTH, phone.culprits.join(', '))

    const field = page.getByLabel('Skriv LUK for at bekræfte')
    await field.fill('luk ikke')
    await page.getByRole('button', { name: 'Luk generalforsamlingen' }).click()
    await page.getByText('Skriv LUK i feltet for at lukke generalforsamlingen.').first().waitFor()
    assert.notEqual((await Assembly.findOrFail(assembly.id)).status, 'closed')
    assert.deepEqual(await accessibilityViolations(page), [], 'axe with the error shown')

    await page.getByLabel('Skriv LUK for at bekræfte').fill('LUK')
    await page.getByRole('button', { name: 'Luk generalforsamlingen' }).click()
    await page.waitForURL((url) => url.pathname === `/assemblies/${assembly.id}/minutes`)
    await page.getByText('Generalforsamlingen er afsluttet.').waitFor()
    assert.equal((await Assembly.findOrFail(assembly.id)).status, 'closed')

    await page.goBack()
    await page.waitForURL((url) => url.pathname === `/assemblies/${assembly.id}/minutes`)
    await page.getByText('Generalforsamlingen er lukket.').waitFor()
  })
})
