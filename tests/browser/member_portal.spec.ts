import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

test.group('Member portal in the browser', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('ask for a link, follow it from the mail, change the phone number, and the board sees it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const organisation = await OrganisationFactory.merge({ name: 'LIVSVÆRK' })
      .with('contacts', 1, (contact) =>
        contact.apply('primary').merge({
          name: 'Lene Larsen',
          email: 'kontakt@livsvaerk.example.org',
          phone: '+45 20 11 22 33',
        })
      )
      .create()
    const [lene] = await Contact.query().where('organisation_id', organisation.id)

    const portal = await visit('/medlem')
    await portal.getByLabel('Din e-mail').fill('kontakt@livsvaerk.example.org')
    await portal.getByRole('button', { name: 'Send login-link' }).click()
    await portal.assertTextContains('.flash.success', 'Hvis adressen hører til en kontaktperson')

    const message = await catcher.waitFor((m) =>
      recipientsOf(m).includes('kontakt@livsvaerk.example.org')
    )
    const link = findLink(message, '/medlem/login/')
    await portal.goto(link.pathname)
    await portal.getByRole('button', { name: 'Log ind' }).click()
    await portal.waitForURL((url) => url.pathname === '/medlem/organisation')
    await portal.assertTextContains('h1', 'LIVSVÆRK')

    const card = portal.getByTestId('contact').filter({ hasText: 'Lene Larsen' })
    await card.getByText('Ret kontaktperson').click()
    await portal.locator(`#contact-${lene.id}-phone`).fill('+45 70 70 12 34')
    await card.getByRole('button', { name: 'Gem' }).click()
    await portal.waitForURL((url) => url.pathname === '/medlem/organisation')
    await portal.assertTextContains('.flash.success', 'Lene Larsen er gemt.')

    await lene.refresh()
    assert.equal(lene.phone, '+45 70 70 12 34')

    const board = await UserFactory.apply('board').create()
    await browserContext.loginAs(board)
    const boardPage = await browserContext.newPage()
    await boardPage.goto(`/members/${organisation.id}`)
    await boardPage.getByText('+45 70 70 12 34').waitFor()
    await boardPage.getByTestId('changed-by-member').waitFor()
    assert.include(
      await boardPage.getByTestId('changed-by-member').innerText(),
      'Ændret af medlemmet'
    )
  })
})
