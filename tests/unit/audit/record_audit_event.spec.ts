import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import AuditEvent from '#audit/models/audit_event'
import { diffFields, recordAuditEvent, recordAuditEvents } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

test.group('recordAuditEvent', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('stores who, what, the subject, details and changes', async ({ assert }) => {
    await db.transaction(async (trx) => {
      await recordAuditEvent(
        trx,
        {
          type: 'user',
          id: 7,
          label: 'anna@example.org',
          ip: '10.0.0.1',
          userAgent: 'Firefox/133.0',
        },
        {
          module: 'association',
          action: 'settings.updated',
          subject: { type: 'association_settings', id: 1 },
          details: { count: 1 },
          changes: { noticeDays: { from: 14, to: 21 } },
        }
      )
    })
    const event = await AuditEvent.query().firstOrFail()
    assert.equal(event.actorType, 'user')
    assert.equal(event.actorId, 7)
    assert.equal(event.actorLabel, 'anna@example.org')
    assert.equal(event.ip, '10.0.0.1')
    assert.equal(event.userAgent, 'Firefox/133.0')
    assert.equal(event.subjectId, '1')
    assert.deepEqual(event.details, { count: 1 })
    assert.deepEqual(event.changes, { noticeDays: { from: 14, to: 21 } })
  })

  test('many events of one actor carry its address and browser too', async ({ assert }) => {
    const actor = Actors.user(
      { id: 7, email: 'anna@example.org' },
      { ip: '10.0.0.1', userAgent: 'Safari/604.1' }
    )
    await db.transaction(async (trx) => {
      await recordAuditEvents(trx, actor, [
        { module: 'members', action: 'organisation.created', details: { name: 'A' } },
        { module: 'members', action: 'organisation.created', details: { name: 'B' } },
      ])
    })
    const events = await AuditEvent.all()
    assert.deepEqual(
      events.map((event) => [event.ip, event.userAgent]),
      [
        ['10.0.0.1', 'Safari/604.1'],
        ['10.0.0.1', 'Safari/604.1'],
      ]
    )
    // A system actor (a job, a command) has neither.
    assert.deepEqual(Actors.system('nightly'), {
      type: 'system',
      id: null,
      label: 'nightly',
      ip: null,
      userAgent: null,
    })
  })

  test('is rolled back with the change it describes', async ({ assert }) => {
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await recordAuditEvent(trx, Actors.system('test'), {
          module: 'identity',
          action: 'user.created',
        })
        throw new Error('the change failed')
      })
    )
    assert.equal((await AuditEvent.all()).length, 0)
  })
})

test.group('diffFields', () => {
  test('lists only the fields whose values differ', ({ assert }) => {
    assert.deepEqual(diffFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: '' }), {
      b: { from: 'x', to: 'y' },
    })
  })

  test('compares dates by day and treats null, empty and missing alike', ({ assert }) => {
    const before = { founded: DateTime.fromISO('2021-01-15T00:00:00Z'), phone: null }
    assert.isNull(
      diffFields(before, { founded: DateTime.fromISO('2021-01-15T00:00:00Z'), phone: '' })
    )
  })

  test('hides secret values', ({ assert }) => {
    assert.deepEqual(diffFields({ password: 'a' }, { password: 'b' }, ['password']), {
      password: { from: '•••', to: '•••' },
    })
  })
})
