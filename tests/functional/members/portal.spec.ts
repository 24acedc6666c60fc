import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import MemberLoginToken from '#members/models/member_login_token'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import { generateToken, hashToken } from '#shared/tokens'

async function memberWithPrimary(email: string, name = 'LIVSVÆRK') {
  const organisation = await OrganisationFactory.merge({ name })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email, name: 'Lene Larsen' })
    )
    .create()
  const [contact] = await Contact.query().where('organisation_id', organisation.id)
  return { organisation, contact }
}

test.group('Member portal login', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a contact asks for a link, follows it once and sees their own organisation', async ({
    client,
    assert,
  }) => {
    const { organisation } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    const ask = await client
      .post('/medlem')
      .form({ email: 'Kontakt@Livsvaerk.example.org' })
      .withCsrfToken()
      .redirects(0)
    ask.assertFlashMessage(
      'success',
      'Hvis adressen hører til en kontaktperson, er der nu sendt et link. Det virker én gang og gælder i 30 minutter.'
    )
    const message = await catcher.waitFor((m) =>
      recipientsOf(m).includes('kontakt@livsvaerk.example.org')
    )
    assert.equal(message.subject, 'Dit login-link til medlemsportalen')
    assert.include(message.text!, 'LIVSVÆRK: http')
    const link = findLink(message, '/medlem/login/')

    const token = link.pathname.split('/').pop()!
    const stored = await MemberLoginToken.findByOrFail('token_hash', hashToken(token))
    assert.isNull(stored.usedAt)

    // Opening the link spends nothing; the button does.
    const opened = await client.get(link.pathname)
    opened.assertTextIncludes('Log ind i medlemsportalen')
    await stored.refresh()
    assert.isNull(stored.usedAt)

    const login = await client.post(link.pathname).withCsrfToken().redirects(0)
    login.assertHeader('location', '/medlem/organisation')

    const again = await client.post(link.pathname).withCsrfToken().redirects(0)
    again.assertHeader('location', '/medlem')
    again.assertFlashMessage(
      'error',
      'Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt herunder.'
    )
    assert.exists(
      await AuditEvent.query()
        .where('action', 'member.logged_in')
        .where('subject_id', String(organisation.id))
        .first()
    )
  })

  test('an unknown address gets the same answer and no mail', async ({ client, assert }) => {
    const response = await client
      .post('/medlem')
      .form({ email: 'nobody@example.org' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Hvis adressen hører til en kontaktperson, er der nu sendt et link. Det virker én gang og gælder i 30 minutter.'
    )
    // Jobs run inline here (QUEUE_DRIVER=sync) and the catcher holds a message before it
    // accepts it: once the request has been answered, every mail there will be has arrived.
    assert.lengthOf(catcher.messages, 0)
  })

  test('a former member gets no link', async ({ client, assert }) => {
    await OrganisationFactory.apply('resigned')
      .with('contacts', 1, (contact) =>
        contact.apply('primary').merge({ email: 'old@example.org' })
      )
      .create()
    await client.post('/medlem').form({ email: 'old@example.org' }).withCsrfToken()
    // Jobs run inline here (QUEUE_DRIVER=sync) and the catcher holds a message before it
    // accepts it: once the request has been answered, every mail there will be has arrived.
    assert.lengthOf(catcher.messages, 0)
  })

  test('an expired link is refused', async ({ client }) => {
    const { contact } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    const token = generateToken()
    await MemberLoginToken.create({
      contactId: contact.id,
      tokenHash: hashToken(token),
      expiresAt: DateTime.now().minus({ minutes: 1 }),
    })
    const response = await client.post(`/medlem/login/${token}`).withCsrfToken().redirects(0)
    response.assertHeader('location', '/medlem')
    response.assertFlashMessage(
      'error',
      'Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt herunder.'
    )
  })

  test('one address may ask three times in a quarter of an hour', async ({ client }) => {
    await memberWithPrimary('kontakt@livsvaerk.example.org')
    for (let attempt = 0; attempt < 3; attempt++) {
      ;(
        await client
          .post('/medlem')
          .form({ email: 'kontakt@livsvaerk.example.org' })
          .withCsrfToken()
          .redirects(0)
      ).assertStatus(302)
    }
    const blocked = await client
      .post('/medlem')
      .form({ email: 'kontakt@livsvaerk.example.org' })
      .withCsrfToken()
    blocked.assertStatus(429)
  })

  test('approving an applicant welcomes its primary contact with a portal link', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const applicant = await OrganisationFactory.apply('applicant')
      .merge({ name: 'Eksempelby Kommune' })
      .with('contacts', 1, (contact) =>
        contact.apply('primary').merge({ email: 'karin@eksempelby.example.org' })
      )
      .create()
    await client
      .post(`/members/${applicant.id}/status`)
      .form({ to: 'active', changed_on: '2026-03-01', reason: 'Godkendt på bestyrelsesmødet' })
      .loginAs(board)
      .withCsrfToken()
    const message = await catcher.waitFor((m) =>
      recipientsOf(m).includes('karin@eksempelby.example.org')
    )
    assert.equal(message.subject, 'Velkommen som medlem')
    findLink(message, '/medlem/login/')
  })
})

test.group('Member portal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a member changes its address; the change is logged as the member’s and shown to the board', async ({
    client,
    assert,
  }) => {
    const { organisation, contact } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    const page = await client.get('/medlem/organisation').withGuard('member').loginAs(contact)
    page.assertStatus(200)
    page.assertTextIncludes('LIVSVÆRK')
    page.assertTextIncludes('Logget ind som Lene Larsen')
    page.assertTextIncludes(`id="contact-${contact.id}-phone"`)
    page.assertTextIncludes('id="new-contact-name"')

    await client
      .put('/medlem/organisation')
      .form({
        address: 'Nørregade 7',
        postcode: '1165',
        city: 'København K',
        name: 'Andet Navn',
        status: 'expelled',
      })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
    await organisation.refresh()
    assert.equal(organisation.address, 'Nørregade 7')
    assert.equal(organisation.name, 'LIVSVÆRK')
    assert.equal(organisation.status, 'active')
    assert.isNotNull(organisation.changedByMemberAt)
    const event = await AuditEvent.findByOrFail('action', 'organisation.updated')
    assert.equal(event.actorType, 'member_contact')
    assert.equal(event.actorLabel, 'kontakt@livsvaerk.example.org (LIVSVÆRK)')

    const board = await UserFactory.apply('board').create()
    const boardPage = await client.get(`/members/${organisation.id}`).loginAs(board)
    boardPage.assertTextIncludes('Ændret af medlemmet')
    boardPage.assertTextIncludes('Nørregade 7')
  })

  test('a member adds a delegate and a newsletter recipient', async ({ client, assert }) => {
    const { organisation, contact } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    await client
      .post('/medlem/contacts')
      .form({
        name: 'Dan Delegeret',
        email: 'dan@livsvaerk.example.org',
        is_delegate: '1',
        is_newsletter: '1',
      })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
    const added = await Contact.findByOrFail('email', 'dan@livsvaerk.example.org')
    assert.equal(added.organisationId, organisation.id)
    assert.deepEqual(added.roles, ['delegate', 'newsletter'])
  })

  test('a contact of one organisation can neither read nor change another', async ({
    client,
    assert,
  }) => {
    const { contact } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    const other = await memberWithPrimary('kontakt@metodecentret.example.org', 'Metodecentret')

    const change = await client
      .put(`/medlem/contacts/${other.contact.id}`)
      .form({ name: 'Taken Over', email: 'evil@example.org', is_primary: '1' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
    change.assertStatus(404)
    const remove = await client
      .delete(`/medlem/contacts/${other.contact.id}`)
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
    remove.assertStatus(404)
    await other.contact.refresh()
    assert.equal(other.contact.name, 'Lene Larsen')
    assert.equal(other.contact.email, 'kontakt@metodecentret.example.org')

    const boardPage = await client
      .get(`/members/${other.organisation.id}`)
      .withGuard('member')
      .loginAs(contact)
    boardPage.assertStatus(403)
    const list = await client.get('/members').withGuard('member').loginAs(contact)
    list.assertStatus(403)
  })

  test('a visitor without a session is sent to /medlem', async ({ client }) => {
    const response = await client.get('/medlem/organisation').redirects(0)
    response.assertHeader('location', '/medlem')
  })

  test('a contact whose organisation has left loses access', async ({ client }) => {
    const { organisation, contact } = await memberWithPrimary('kontakt@livsvaerk.example.org')
    organisation.status = 'resigned'
    await organisation.save()
    const response = await client
      .get('/medlem/organisation')
      .withGuard('member')
      .loginAs(contact)
      .redirects(0)
    response.assertHeader('location', '/medlem')
  })
})
