import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { foldSpace } from '#tests/helpers/text'

/** LIVSVÆRK: Lene (primary), Nina (recipient), Bo (billing); and a neighbour with its own recipient. */
async function organisations() {
  const ours = await OrganisationFactory.merge({ name: 'LIVSVÆRK' })
    .with('contacts', 1, (c) =>
      c.apply('primary').merge({ email: 'lene@livsvaerk.example.org', name: 'Lene Larsen' })
    )
    .with('contacts', 1, (c) =>
      c.merge({ email: 'nina@livsvaerk.example.org', name: 'Nina Nielsen', isNewsletter: true })
    )
    .with('contacts', 1, (c) =>
      c.apply('billing').merge({ email: 'bo@livsvaerk.example.org', name: 'Bo Bogholder' })
    )
    .create()
  const theirs = await OrganisationFactory.merge({ name: 'Naboforeningen' })
    .with('contacts', 1, (c) =>
      c.merge({ email: 'nabo@example.org', name: 'Naja Nabo', isNewsletter: true })
    )
    .create()
  const contact = (email: string) => Contact.findByOrFail('email', email)
  return {
    ours,
    theirs,
    lene: await contact('lene@livsvaerk.example.org'),
    nina: await contact('nina@livsvaerk.example.org'),
    bo: await contact('bo@livsvaerk.example.org'),
    naja: await contact('nabo@example.org'),
  }
}

async function memberList() {
  const list = await NewsletterListFactory.apply('forMembers')
    .merge({ name: 'Medlemsnyt' })
    .with('consentTexts', 1)
    .create()
  await list.load('consentTexts')
  return { list, consent: list.consentTexts[0] }
}

test.group('Member portal: newsletter recipients', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the primary contact sees the recipients and where each stands on the lists', async ({
    client,
    assert,
  }) => {
    const { lene, nina } = await organisations()
    const { list, consent } = await memberList()
    await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(consent.id) })
      .withGuard('member')
      .loginAs(nina)
      .withCsrfToken()

    const overview = await client.get('/medlem/organisation').withGuard('member').loginAs(lene)
    overview.assertTextIncludes('href="/medlem/nyhedsbreve"')
    const page = await client.get('/medlem/nyhedsbreve').withGuard('member').loginAs(lene)
    page.assertStatus(200)
    const html = foldSpace(page.text())
    assert.include(html, 'Modtagere af nyhedsbreve')
    assert.include(html, 'Nina Nielsen')
    assert.include(html, 'Medlemsnyt: tilmeldt')
    assert.include(html, 'Gør Bo Bogholder til modtager')
    assert.notInclude(html, 'Naja Nabo')
    // Lene is no recipient herself: no consent form for her own address.
    assert.notInclude(html, 'name="consent"')
  })

  test('the primary contact names a recipient and removes one, which unsubscribes the address', async ({
    client,
    assert,
  }) => {
    const { lene, nina, bo } = await organisations()
    const { list, consent } = await memberList()
    await client
      .post(`/medlem/nyhedsbreve/${list.id}`)
      .form({ consent: '1', consent_text_id: String(consent.id) })
      .withGuard('member')
      .loginAs(nina)
      .withCsrfToken()

    const named = await client
      .put(`/medlem/nyhedsbreve/modtagere/${bo.id}`)
      .withGuard('member')
      .loginAs(lene)
      .withCsrfToken()
      .redirects(0)
    named.assertHeader('location', '/medlem/nyhedsbreve')
    named.assertFlashMessage(
      'success',
      'Bo Bogholder er nu modtager af nyhedsbreve og kan tilmelde sig på medlemsportalen.'
    )
    await bo.refresh()
    assert.isTrue(bo.isNewsletter)
    // Naming is not consent: Bo's address is on no list until Bo subscribes.
    assert.lengthOf(await Subscription.all(), 1)

    const removed = await client
      .delete(`/medlem/nyhedsbreve/modtagere/${nina.id}`)
      .withGuard('member')
      .loginAs(lene)
      .withCsrfToken()
      .redirects(0)
    removed.assertFlashMessage(
      'success',
      'Nina Nielsen er ikke længere modtager og er afmeldt nyhedsbrevene til medlemmer.'
    )
    await nina.refresh()
    assert.isFalse(nina.isNewsletter)
    const subscription = await Subscription.firstOrFail()
    assert.equal(subscription.status, 'unsubscribed')
    const event = await AuditEvent.findByOrFail('action', 'contact.newsletter_removed')
    assert.equal(event.actorLabel, 'lene@livsvaerk.example.org (LIVSVÆRK)')
    assert.equal(event.details.lists, 'Medlemsnyt')

    const history = await client.get('/medlem/historik').withGuard('member').loginAs(lene)
    history.assertTextIncludes(
      'Nina Nielsen hos LIVSVÆRK er ikke længere modtager af nyhedsbreve (afmeldt: Medlemsnyt)'
    )
    history.assertTextIncludes('Bo Bogholder hos LIVSVÆRK blev modtager af nyhedsbreve')
  })

  test('another organisation’s contact is not found, and only the primary may manage', async ({
    client,
    assert,
  }) => {
    const { lene, nina, bo, naja } = await organisations()
    for (const method of ['put', 'delete'] as const) {
      const response = await client[method](`/medlem/nyhedsbreve/modtagere/${naja.id}`)
        .withGuard('member')
        .loginAs(lene)
        .withCsrfToken()
      response.assertStatus(404)
      const byRecipient = await client[method](`/medlem/nyhedsbreve/modtagere/${bo.id}`)
        .withGuard('member')
        .loginAs(nina)
        .withCsrfToken()
      byRecipient.assertStatus(403)
    }
    await naja.refresh()
    await bo.refresh()
    assert.isTrue(naja.isNewsletter)
    assert.isFalse(bo.isNewsletter)
  })

  test('without a CSRF token nothing changes', async ({ client, assert }) => {
    const { lene, nina } = await organisations()
    const response = await client
      .delete(`/medlem/nyhedsbreve/modtagere/${nina.id}`)
      .withGuard('member')
      .loginAs(lene)
    response.assertStatus(403)
    response.assertTextIncludes('Formularen er udløbet')
    await nina.refresh()
    assert.isTrue(nina.isNewsletter)
  })

  test('a contact without an e-mail cannot be named', async ({ client, assert }) => {
    const { ours, lene } = await organisations()
    const mute = await Contact.create({
      organisationId: ours.id,
      name: 'Uden Adresse',
      email: null,
      isPrimary: false,
      isBilling: false,
      isDelegate: false,
      isNewsletter: false,
    })
    const response = await client
      .put(`/medlem/nyhedsbreve/modtagere/${mute.id}`)
      .withGuard('member')
      .loginAs(lene)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'Uden Adresse har ingen e-mail. Tilføj en adresse først.')
    await mute.refresh()
    assert.isFalse(mute.isNewsletter)
  })
})
