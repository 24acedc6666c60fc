import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { foldSpace } from '#tests/helpers/text'

async function event(overrides: Partial<AuditEvent>) {
  return AuditEvent.create({
    actorType: 'user',
    actorId: 1,
    actorLabel: 'anna@example.org',
    module: 'identity',
    action: 'user.logged_in',
    details: { email: 'anna@example.org' },
    ...overrides,
  })
}

test.group('Audit log page', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('lists who changed what, newest first, in Danish', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    await event({ createdAt: DateTime.fromISO('2026-03-01T10:00:00Z') })
    await event({
      actorLabel: 'bo@example.org',
      module: 'association',
      action: 'settings.updated',
      details: { count: 2 },
      changes: { noticeDays: { from: 14, to: 21 } },
      createdAt: DateTime.fromISO('2026-03-02T10:00:00Z'),
    })
    const response = await client.get('/audit').loginAs(board)
    response.assertStatus(200)
    response.assertTextIncludes('2 indstillinger blev ændret')
    response.assertTextIncludes('anna@example.org loggede ind')
    response.assertTextIncludes('2. marts 2026 kl. 11.00')
    assert.include(
      foldSpace(response.text()),
      'Indkaldelse til ordinær generalforsamling (dage før): 14 → 21'
    )
    assert.isBelow(
      response.text().indexOf('bo@example.org'),
      response.text().indexOf('anna@example.org loggede ind')
    )
  })

  test('filters by person, module and dates', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await event({
      actorLabel: 'anna@example.org',
      createdAt: DateTime.fromISO('2026-03-01T10:00:00Z'),
    })
    await event({
      actorLabel: 'bo@example.org',
      details: { email: 'bo@example.org' },
      createdAt: DateTime.fromISO('2026-03-05T10:00:00Z'),
    })
    await event({
      actorLabel: 'bo@example.org',
      module: 'association',
      action: 'settings.updated',
      details: { count: 1 },
      createdAt: DateTime.fromISO('2026-03-09T22:30:00Z'),
    })

    const byPerson = await client.get('/audit').qs({ actor: 'anna@example.org' }).loginAs(admin)
    byPerson.assertTextIncludes('anna@example.org loggede ind')
    assert.notInclude(byPerson.text(), 'bo@example.org loggede ind')

    const byModule = await client.get('/audit').qs({ module: 'association' }).loginAs(admin)
    byModule.assertTextIncludes('1 indstilling blev ændret')
    assert.notInclude(byModule.text(), 'loggede ind')

    // 22:30 UTC on 9 March is 23:30 in Copenhagen: still the 9th.
    const byDate = await client
      .get('/audit')
      .qs({ from: '2026-03-05', to: '2026-03-09' })
      .loginAs(admin)
    byDate.assertTextIncludes('bo@example.org loggede ind')
    byDate.assertTextIncludes('1 indstilling blev ændret')
    assert.notInclude(byDate.text(), 'anna@example.org loggede ind')
  })

  test('a malformed date filter shows an error instead of failing', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/audit').qs({ from: 'yesterday' }).loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('Formularen kunne ikke gemmes')
  })

  test('every change made through the app lands in the log', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await client.post('/locale').form({ locale: 'en' }).loginAs(admin).withCsrfToken()
    await client
      .post('/staff')
      .form({ full_name: 'New Person', email: 'new@example.org', role: 'board', locale: 'da' })
      .loginAs(admin)
      .withCsrfToken()
    const actions = (await AuditEvent.query().where('actor_label', admin.email)).map(
      (e) => e.action
    )
    assert.includeMembers(actions, ['user.locale_changed', 'user.invited'])
  })
})
