import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory, TierFactory } from '#database/factories/organisation_factory'
import { NEW_MEMBER } from '#tests/functional/members/organisation_helpers'

test.group('Member register', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every staff role reads the list; it searches names without regard to accents', async ({
    client,
    assert,
  }) => {
    await OrganisationFactory.merge({
      name: 'Dansk Socialrådgiverforening',
      city: 'København',
    }).create()
    await OrganisationFactory.merge({ name: 'Metodecentret', city: 'Aarhus' }).create()
    for (const role of ['admin', 'board', 'treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      const response = await client.get('/members').qs({ q: 'socialradgiver' }).loginAs(user)
      response.assertStatus(200)
      response.assertTextIncludes('Dansk Socialrådgiverforening')
      assert.notInclude(response.text(), 'Metodecentret')
    }
  })

  test('searches by CVR, city and a contact person, and filters by type, status and tier', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const tier = await TierFactory.merge({ name: 'Stor organisation' }).create()
    await OrganisationFactory.merge({
      name: 'Alfa',
      cvr: '10150817',
      city: 'Odense',
      tierId: tier.id,
    }).create()
    await OrganisationFactory.merge({ name: 'Beta', city: 'Aalborg' })
      .with('contacts', 1, (contact) =>
        contact.merge({ name: 'Søren Kierkegaard', email: 'soren@beta.example.org' })
      )
      .create()
    await OrganisationFactory.apply('kommune', 'applicant')
      .merge({ name: 'Gamma Kommune', city: 'Gammelby' })
      .create()

    const names = async (qs: Record<string, string | number>) => {
      const response = await client.get('/members').qs(qs).loginAs(board)
      return ['Alfa', 'Beta', 'Gamma Kommune'].filter((name) =>
        response.text().includes(`>${name}</a>`)
      )
    }
    assert.deepEqual(await names({ q: '1015 0817' }), ['Alfa'])
    assert.deepEqual(await names({ q: 'aalborg' }), ['Beta'])
    assert.deepEqual(await names({ q: 'kierkegaard' }), ['Beta'])
    assert.deepEqual(await names({ q: 'soren@beta' }), ['Beta'])
    assert.deepEqual(await names({ type: 'kommune' }), ['Gamma Kommune'])
    assert.deepEqual(await names({ status: 'applicant' }), ['Gamma Kommune'])
    assert.deepEqual(await names({ tier: tier.id }), ['Alfa'])
  })

  test('sorts by the chosen column and pages through 50 at a time', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    await OrganisationFactory.merge([
      { name: 'Aaa', city: 'Zeta' },
      { name: 'Bbb', city: 'Alfa' },
    ]).createMany(2)
    const byCity = await client
      .get('/members')
      .qs({ sort: 'city', direction: 'asc' })
      .loginAs(board)
    assert.isBelow(byCity.text().indexOf('>Bbb<'), byCity.text().indexOf('>Aaa<'))

    await OrganisationFactory.createMany(55)
    const first = await client.get('/members').loginAs(board)
    first.assertTextIncludes('57 organisationer')
    first.assertTextIncludes('Side 1 af 2')
    const second = await client.get('/members').qs({ page: 2 }).loginAs(board)
    assert.equal((second.text().match(/href="\/members\/\d+">/g) ?? []).length, 7)
  })

  test('the board creates a member with its primary contact', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .post('/members')
      .form(NEW_MEMBER)
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    const organisation = await Organisation.query().preload('contacts').firstOrFail()
    response.assertHeader('location', `/members/${organisation.id}`)
    response.assertFlashMessage('success', 'Fri Af Misbrug er oprettet.')
    assert.equal(organisation.status, 'active')
    assert.equal(organisation.contacts[0].email, 'frederik@example.org')
    assert.isTrue(organisation.contacts[0].isPrimary)
  })

  test('a municipality without an EAN, a bad CVR and a short postcode are refused next to their fields', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .post('/members')
      .form({ ...NEW_MEMBER, type: 'kommune', cvr: '12345678', postcode: '800', ean: '' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      cvr: ['Ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer).'],
      ean: ['EAN-nummer kræves for kommuner og regioner.'],
      postcode: ['Skal være et postnummer på 4 cifre.'],
    })
    assert.lengthOf(await Organisation.all(), 0)
  })

  test('a name already in the register is refused', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    await OrganisationFactory.merge({ name: 'FRI AF MISBRUG' }).create()
    const response = await client
      .post('/members')
      .form(NEW_MEMBER)
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      name: ['Der er allerede et medlem eller en ansøger med dette navn.'],
    })
    assert.lengthOf(await Organisation.all(), 1)
  })

  test('treasurer and secretariat read but do not change the register', async ({
    client,
    assert,
  }) => {
    const organisation = await OrganisationFactory.create()
    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get(`/members/${organisation.id}`).loginAs(user)).assertStatus(200)
      ;(await client.get('/members/new').loginAs(user)).assertStatus(403)
      ;(await client.post('/members').form(NEW_MEMBER).loginAs(user).withCsrfToken()).assertStatus(
        403
      )
      ;(
        await client
          .put(`/members/${organisation.id}`)
          .form({ name: 'Hijacked', type: 'ngo' })
          .loginAs(user)
          .withCsrfToken()
      ).assertStatus(403)
      ;(
        await client
          .post(`/members/${organisation.id}/status`)
          .form({ to: 'expelled', changed_on: '2026-01-01', reason: 'Nope' })
          .loginAs(user)
          .withCsrfToken()
      ).assertStatus(403)
    }
    await organisation.refresh()
    assert.equal(organisation.status, 'active')
    assert.notEqual(organisation.name, 'Hijacked')
  })
})
