import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { ContactFactory, OrganisationFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'

const CONSENT = 'Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.'

/** A member with a primary contact and, unless told otherwise, a newsletter contact. */
async function memberContacts(newsletterEmail = 'nina@livsvaerk.example.org') {
  const organisation = await OrganisationFactory.merge({ name: 'LIVSVÆRK' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'lene@livsvaerk.example.org', name: 'Lene Larsen' })
    )
    .with('contacts', 1, (contact) =>
      contact.merge({ email: newsletterEmail, name: 'Nina Nielsen', isNewsletter: true })
    )
    .create()
  const contacts = await Contact.query().where('organisation_id', organisation.id)
  return {
    organisation,
    primary: contacts.find((c) => !c.isNewsletter)!,
    reader: contacts.find((c) => c.isNewsletter)!,
  }
}

async function memberList(name = 'Medlemsnyt') {
  const list = await NewsletterListFactory.apply('forMembers')
    .merge({ name })
    .with('consentTexts', 1)
    .create()
  await list.load('consentTexts')
  return { list, consent: list.consentTexts[0] }
}

test.group('Member portal: newsletters', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a newsletter contact sees the member lists and subscribes their own address', async ({
    client,
    assert,
  }) => {
    const { reader } = await memberContacts()
    const { list, consent } = await memberList()
    await NewsletterListFactory.merge({ name: 'Kun for offentligheden' })
      .with('consentTexts', 1)
      .create()

    const overview = await client.get('/medlem/organisation').withGuard('member').loginAs(reader)
    overview.assertTextIncludes('href="/medlem/nyhedsbreve"')

    const page = await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(reader)
    page.assertStatus(200)
    page.assertTextIncludes('Medlemsnyt')
    page.assertTextIncludes(CONSENT)
    page.assertTextIncludes('nina@livsvaerk.example.org')
    page.assertTextIncludes('Du er ikke tilmeldt.')
    assert.notInclude(page.text(), 'Kun for offentligheden')

    const refused = await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent_text_id: String(consent.id) })
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      consent: ['Du skal sige ja til samtykketeksten for at blive tilmeldt.'],
    })
    assert.lengthOf(await Subscription.all(), 0)
    const withError = await client
      .get('/medlem/nyhedsbreve')
      .withFlashMessages({
        consent_text_id: String(consent.id),
        inputErrorsBag: { consent: ['Du skal sige ja til samtykketeksten for at blive tilmeldt.'] },
      })
      .withGuard('member')
      .loginAs(reader)
    withError.assertTextIncludes(`id="consent-${list.id}-error"`)

    const subscribed = await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      // An address in the form is ignored: the portal acts on the contact's own only.
      .form({ consent: '1', consent_text_id: String(consent.id), email: 'evil@example.org' })
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()
      .redirects(0)
    subscribed.assertHeader('location', '/medlem/nyhedsbreve')
    subscribed.assertFlashMessage(
      'success',
      'Du er tilmeldt. Du kan altid afmelde dig her eller via linket i hver mail.'
    )
    const subscription = await Subscription.query().preload('subscriber').firstOrFail()
    assert.equal(subscription.subscriber.email, 'nina@livsvaerk.example.org')
    assert.equal(subscription.status, 'active')
    assert.equal(subscription.source, 'member_portal')
    assert.equal(subscription.consentTextId, consent.id)
    assert.isNotNull(subscription.confirmedAt)
    const event = await AuditEvent.findByOrFail('action', 'subscription.member_subscribed')
    assert.equal(event.actorType, 'member_contact')
    assert.equal(event.actorLabel, 'nina@livsvaerk.example.org (LIVSVÆRK)')

    const after = await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(reader)
    after.assertTextIncludes('Du er tilmeldt (siden')
    after.assertTextIncludes('Afmeld mig')
  })

  test('a newsletter contact unsubscribes from one list', async ({ client, assert }) => {
    const { reader } = await memberContacts()
    const { list, consent } = await memberList()
    await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(consent.id) })
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()

    const response = await client
      .delete(`/medlem/nyhedsbreve/${list.id}`)
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Du er afmeldt listen. Andre lister, du er tilmeldt, får du stadig.'
    )
    const subscription = await Subscription.query().preload('subscriber').firstOrFail()
    assert.equal(subscription.status, 'unsubscribed')
    assert.isNotNull(subscription.unsubscribedAt)
    assert.isNull(subscription.subscriber.suppressedReason)
    const page = await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(reader)
    page.assertTextIncludes('Du afmeldte dig')
  })

  test('a bounced address is told why and cannot subscribe', async ({ client, assert }) => {
    const { reader } = await memberContacts()
    await SubscriberFactory.apply('bounced').merge({ email: 'nina@livsvaerk.example.org' }).create()
    const { list, consent } = await memberList()
    const suppressedText =
      'Vi kan ikke sende nyhedsbreve til din adresse, fordi tidligere mails er kommet retur eller er blevet markeret som spam. Skriv til sekretariatet, hvis adressen virker igen.'

    const page = await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(reader)
    page.assertTextIncludes(suppressedText)
    assert.notInclude(page.text(), 'Tilmeld mig')

    const response = await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(consent.id) })
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', suppressedText)
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('a list not offered to members is not found here', async ({ client }) => {
    const { reader } = await memberContacts()
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await list.load('consentTexts')
    const response = await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(list.consentTexts[0].id) })
      .withGuard('member')
      .loginAs(reader)
      .withCsrfToken()
    response.assertStatus(404)
  })

  test('a contact who is neither recipient nor primary has no newsletter page', async ({
    client,
    assert,
  }) => {
    const { organisation } = await memberContacts()
    const billing = await ContactFactory.apply('billing')
      .merge({ organisationId: organisation.id, email: 'bo@livsvaerk.example.org' })
      .create()
    const { list, consent } = await memberList()

    const overview = await client.get('/medlem/organisation').withGuard('member').loginAs(billing)
    assert.notInclude(overview.text(), 'href="/medlem/nyhedsbreve"')
    ;(await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(billing)).assertStatus(
      403
    )
    ;(
      await client
        .post(`/medlem/nyhedsbreve/${list.id}`)
        .form({ consent: '1', consent_text_id: String(consent.id) })
        .withGuard('member')
        .loginAs(billing)
        .withCsrfToken()
    ).assertStatus(403)
    ;(
      await client
        .delete(`/medlem/nyhedsbreve/${list.id}`)
        .withGuard('member')
        .loginAs(billing)
        .withCsrfToken()
    ).assertStatus(403)
    const reader = await Contact.findByOrFail('email', 'nina@livsvaerk.example.org')
    ;(
      await client
        .delete(`/medlem/nyhedsbreve/modtagere/${reader.id}`)
        .withGuard('member')
        .loginAs(billing)
        .withCsrfToken()
    ).assertStatus(403)
    await reader.refresh()
    assert.isTrue(reader.isNewsletter)
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('a primary contact who is no recipient subscribes nothing for themselves', async ({
    client,
    assert,
  }) => {
    const { primary } = await memberContacts()
    const { list, consent } = await memberList()
    ;(
      await client
        .post(`/medlem/nyhedsbreve/${list.id}`)
        .form({ consent: '1', consent_text_id: String(consent.id) })
        .withGuard('member')
        .loginAs(primary)
        .withCsrfToken()
    ).assertStatus(403)
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('a visitor and a staff user are sent to the portal login', async ({ client }) => {
    const { list, consent } = await memberList()
    const secretariat = await UserFactory.apply('secretariat').create()

    const anonymous = await client.get('/medlem/nyhedsbreve').redirects(0)
    anonymous.assertHeader('location', '/medlem')
    const anonymousPost = await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(consent.id) })
      .withCsrfToken()
      .redirects(0)
    anonymousPost.assertHeader('location', '/medlem')

    const staff = await client.get('/medlem/nyhedsbreve').loginAs(secretariat).redirects(0)
    staff.assertHeader('location', '/medlem')
  })
})
