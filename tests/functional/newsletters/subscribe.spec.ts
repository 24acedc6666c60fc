import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import ConsentText from '#newsletters/models/consent_text'
import NewsletterList from '#newsletters/models/newsletter_list'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

test.group('Subscribing with double opt-in', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the form shows the consent text; the mail repeats it; the button confirms', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.merge({ slug: 'nyhedsbrev' })
      .with('consentTexts', 1)
      .create()
    const form = await client.get('/nyhedsbrev/nyhedsbrev')
    form.assertStatus(200)
    form.assertTextIncludes('Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.')

    const refused = await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'ida@example.org' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      consent: ['Du skal sige ja til samtykketeksten for at blive tilmeldt.'],
    })

    const subscribe = await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'Ida@Example.org', name: 'Ida', consent: '1' })
      .withCsrfToken()
      .redirects(0)
    subscribe.assertFlashMessage(
      'success',
      'Tak! Se din indbakke: du skal bekræfte tilmeldingen via linket i den mail, vi har sendt.'
    )
    const message = await catcher.waitFor((m) => recipientsOf(m).includes('ida@example.org'))
    assert.equal(message.subject, 'Bekræft din tilmelding til Nyhedsbrev')
    assert.include(message.text!, 'Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.')
    const link = findLink(message, '/nyhedsbrev/bekraeft/')

    assert.include(message.text!, 'Ida')

    await client.get(link.pathname)
    assert.equal((await Subscription.firstOrFail()).status, 'pending')
    // The name is the asker's word until the owner of the address confirms.
    assert.isNull((await Subscriber.findByOrFail('email', 'ida@example.org')).name)

    const confirm = await client.post(link.pathname).withCsrfToken()
    confirm.assertTextIncludes('Du er tilmeldt')
    const subscription = await Subscription.query().where('list_id', list.id).firstOrFail()
    assert.equal(subscription.status, 'active')
    assert.isNotNull(subscription.confirmedAt)
    assert.isNull(subscription.pendingRequest)
    assert.equal((await Subscriber.findByOrFail('email', 'ida@example.org')).name, 'Ida')
  })

  test('the same answer for an address already on the list, and no second mail', async ({
    client,
    assert,
  }) => {
    await NewsletterListFactory.merge({ slug: 'nyhedsbrev' }).with('consentTexts', 1).create()
    await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'bo@example.org', consent: '1' })
      .withCsrfToken()
    const first = await catcher.waitFor()
    await client.post(findLink(first, '/nyhedsbrev/bekraeft/').pathname).withCsrfToken()

    const again = await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'bo@example.org', consent: '1' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage(
      'success',
      'Tak! Se din indbakke: du skal bekræfte tilmeldingen via linket i den mail, vi har sendt.'
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 1)
  })

  test('a list that is not public has no form', async ({ client }) => {
    await NewsletterListFactory.merge({ slug: 'intern', isPublic: false })
      .with('consentTexts', 1)
      .create()
    const response = await client.get('/nyhedsbrev/intern')
    response.assertStatus(404)
  })

  test('the form is rate-limited', async ({ client }) => {
    await NewsletterListFactory.merge({ slug: 'nyhedsbrev' }).with('consentTexts', 1).create()
    for (let attempt = 0; attempt < 10; attempt++) {
      await client
        .post('/nyhedsbrev/nyhedsbrev')
        .form({ email: `x${attempt}@example.org`, consent: '1' })
        .withCsrfToken()
        .redirects(0)
    }
    const blocked = await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'y@example.org', consent: '1' })
      .withCsrfToken()
    blocked.assertStatus(429)
  })
})

test.group('Lists and subscribers for the staff', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the secretariat creates a list and a changed consent text becomes version 2', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const form = {
      name: 'Medlemsnyt',
      slug: 'medlemsnyt',
      is_public: '1',
      consent_text: 'Ja tak, send mig Medlemsnyt. Jeg kan altid afmelde mig.',
    }
    await client.post('/newsletters/lists').form(form).loginAs(secretariat).withCsrfToken()
    const list = await NewsletterList.findByOrFail('slug', 'medlemsnyt')
    await client
      .put(`/newsletters/lists/${list.id}`)
      .form({
        ...form,
        consent_text: 'Ja tak, send mig Medlemsnyt hver måned. Jeg kan altid afmelde mig.',
      })
      .loginAs(secretariat)
      .withCsrfToken()
    const versions = await ConsentText.query().where('list_id', list.id).orderBy('version')
    assert.deepEqual(
      versions.map((text) => text.version),
      [1, 2]
    )

    const overview = await client.get('/newsletters').loginAs(secretariat)
    overview.assertTextIncludes('Medlemsnyt')
    overview.assertTextIncludes('v2')
  })

  test('the subscriber page shows the consent evidence', async ({ client }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const list = await NewsletterListFactory.merge({ slug: 'nyhedsbrev' })
      .with('consentTexts', 1)
      .create()
    await client
      .post('/nyhedsbrev/nyhedsbrev')
      .form({ email: 'eva@example.org', consent: '1' })
      .withCsrfToken()
    const subscription = await Subscription.query().where('list_id', list.id).firstOrFail()
    const page = await client
      .get(`/newsletters/subscribers/${subscription.subscriberId}`)
      .loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes('eva@example.org')
    page.assertTextIncludes('tilmeldingsformular')
    page.assertTextIncludes('Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.')
    const list2 = await client
      .get('/newsletters/subscribers')
      .qs({ status: 'pending' })
      .loginAs(secretariat)
    list2.assertTextIncludes('eva@example.org')
  })

  test('the board reads but does not change lists; the treasurer sees nothing', async ({
    client,
  }) => {
    const board = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    ;(await client.get('/newsletters').loginAs(board)).assertStatus(200)
    ;(await client.get('/newsletters/subscribers').loginAs(board)).assertStatus(200)
    ;(await client.get('/newsletters/lists/new').loginAs(board)).assertStatus(403)
    ;(
      await client
        .post('/newsletters/lists')
        .form({ name: 'X', slug: 'x-liste', consent_text: 'Ja tak, send mig listen X hver uge.' })
        .loginAs(board)
        .withCsrfToken()
    ).assertStatus(403)
    ;(await client.get('/newsletters').loginAs(treasurer)).assertStatus(403)
    ;(await client.get('/newsletters/subscribers').loginAs(treasurer)).assertStatus(403)
  })
})

test.group('The embedded subscribe form', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('may be framed by any site and posts without a session; bad input is named; double opt-in as usual', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const page = await client.get(`/nyhedsbrev/${list.slug}/indlejret`)
    page.assertStatus(200)
    assert.notExists(page.header('x-frame-options'))
    assert.include(page.header('content-security-policy'), 'frame-ancestors *')
    page.assertTextIncludes('Ja tak, send mig nyhedsbrevet.')

    // As a browser on another site sends it: no session, no CSRF token.
    const refused = await client
      .post(`/nyhedsbrev/${list.slug}/indlejret`)
      .form({ email: 'ikke-en-adresse' })
    refused.assertStatus(422)
    refused.assertTextIncludes('Skriv en gyldig e-mailadresse.')
    refused.assertTextIncludes('Sæt kryds for at give dit samtykke.')

    const accepted = await client
      .post(`/nyhedsbrev/${list.slug}/indlejret`)
      .form({ email: 'Lone@Example.org', consent: 'on' })
    accepted.assertStatus(200)
    accepted.assertTextIncludes('Se din indbakke')
    const subscriber = await Subscriber.findByOrFail('email', 'lone@example.org')
    const subscription = await Subscription.findByOrFail('subscriber_id', subscriber.id)
    assert.equal(subscription.status, 'pending')

    const staff = await UserFactory.apply('secretariat').create()
    const edit = await client.get(`/newsletters/lists/${list.id}/edit`).loginAs(staff)
    edit.assertTextIncludes(`/nyhedsbrev/${list.slug}/indlejret`)
  })
})
