import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Actors } from '#audit/actor'
import { CleanUpExpiredData } from '#operations/retention/clean_up_expired_data'
import { UserFactory } from '#database/factories/user_factory'
import { sqlTimestamp } from '#shared/sql_time'

test.group('The nightly clean-up in the log of changes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the admin reads what a run deleted, in Danish, as done by the system', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const now = DateTime.now()
    await db.table('user_tokens').insert({
      user_id: admin.id,
      purpose: 'invitation',
      token_hash: randomUUID().replaceAll('-', ''),
      expires_at: sqlTimestamp(now.minus({ days: 8 })),
      used_at: null,
      created_at: sqlTimestamp(now.minus({ days: 15 })),
    })
    const tmpRoot = app.tmpPath(`retention-log-${randomUUID()}`)
    try {
      await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'))
    } finally {
      await rm(tmpRoot, { recursive: true, force: true })
    }
    const page = await client.get('/audit').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Natlig oprydning slettede 1 brugerlink, 0 medlemslinks')
    page.assertTextIncludes('Drift')
    page.assertTextIncludes('Systemet')
  })
})
