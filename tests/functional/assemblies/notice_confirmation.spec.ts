import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { plannedAssembly, statutes } from '#tests/functional/assemblies/helpers'

/** Two active members, one naming a delegate, and a former member who gets nothing. */
async function members() {
  await OrganisationFactory.merge({ name: 'Alfa Forening' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'formand@alfa.example.org' })
    )
    .with('contacts', 1, (contact) =>
      contact.merge({ email: 'dorte@alfa.example.org', isDelegate: true })
    )
    .create()
  await OrganisationFactory.merge({ name: 'Beta Forening' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'bo@beta.example.org' })
    )
    .create()
  await OrganisationFactory.merge({ name: 'Udmeldt Forening' })
    .apply('resigned')
    .with('contacts', 1, (contact) => contact.apply('primary').merge({ email: 'ud@example.org' }))
    .create()
}

function settle(ms = 300) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

test.group('The confirmation before the notice is sent', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.setup(async () => {
    await statutes()
  })

  test('names every member and address it goes to; sent once however often the form is posted', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    await members()
    const assembly = await plannedAssembly(21)

    const page = await client.get(`/assemblies/${assembly.id}/notice`).loginAs(boardUser)
    page.assertStatus(200)
    page.assertTextIncludes('Sender indkaldelsen til 2 medlemmer')
    page.assertTextIncludes('Alfa Forening')
    page.assertTextIncludes('dorte@alfa.example.org')
    page.assertTextIncludes('bo@beta.example.org')
    assert.notInclude(page.text(), 'formand@alfa.example.org', 'the delegate, not the chair')
    assert.notInclude(page.text(), 'Udmeldt Forening')
    assert.notInclude(page.text(), 'data-testid="notice-late"')
    page.assertTextIncludes('name="seen_sent_at" value=""')

    const send = (form: Record<string, string>) =>
      client
        .post(`/assemblies/${assembly.id}/notice`)
        .form(form)
        .loginAs(boardUser)
        .withCsrfToken()
        .redirects(0)
    const unconfirmed = await send({})
    unconfirmed.assertHeader('location', `/assemblies/${assembly.id}/notice`)
    unconfirmed.assertFlashMessage(
      'error',
      'Se indkaldelsen efter og bekræft den her, før den sendes.'
    )
    await settle()
    assert.lengthOf(catcher.messages, 0)

    const confirmed = { members: '2', seen_sent_at: '' }
    ;(await send(confirmed)).assertFlashMessage('success', 'Indkaldelsen sendes til 2 medlemmer.')
    // The same confirmation again: a double click or the back button.
    const again = await send(confirmed)
    again.assertFlashMessage(
      'error',
      'Indkaldelsen er sendt, siden du så siden; den er ikke sendt igen.'
    )
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await settle()
    assert.lengthOf(catcher.messages, 2)
    assert.lengthOf(await AuditEvent.query().where('action', 'notice.sent'), 1)

    // Sending it again on purpose: the page says it was sent, and when.
    const resend = await client.get(`/assemblies/${assembly.id}/notice`).loginAs(boardUser)
    resend.assertTextIncludes('data-testid="notice-resend"')
    resend.assertTextIncludes('får hvert medlem den en gang til')
    const seen = resend.text().match(/name="seen_sent_at" value="([^"]+)"/)![1]
    ;(await send({ members: '2', seen_sent_at: seen })).assertFlashMessage(
      'success',
      'Indkaldelsen sendes til 2 medlemmer.'
    )
    await catcher.waitFor(() => catcher.messages.length >= 4)
    await settle()
    assert.lengthOf(catcher.messages, 4)
  })

  test('late: the page warns and asks for the tick; without it nothing is sent', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    await members()
    const assembly = await plannedAssembly(5)
    const page = await client.get(`/assemblies/${assembly.id}/notice`).loginAs(boardUser)
    page.assertTextIncludes(
      'Der er kun 5 dage til generalforsamlingen; vedtægterne kræver 14 dage.'
    )
    page.assertTextIncludes('name="confirm_late"')
    const refused = await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form({ members: '2', seen_sent_at: '' })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', `/assemblies/${assembly.id}/notice`)
    await settle()
    assert.lengthOf(catcher.messages, 0)
    await assembly.refresh()
    assert.isNull(assembly.noticeSentAt)
  })

  test('only the board sends; a post without a CSRF token sends nothing', async ({
    client,
    assert,
  }) => {
    await members()
    const assembly = await plannedAssembly(21)
    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get(`/assemblies/${assembly.id}/notice`).loginAs(user)).assertStatus(403)
    }
    const boardUser = await UserFactory.apply('board').create()
    await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form({ members: '2', seen_sent_at: '' })
      .loginAs(boardUser)
      .redirects(0)
    await settle()
    assert.lengthOf(catcher.messages, 0)
    await assembly.refresh()
    assert.isNull(assembly.noticeSentAt)
  })
})
