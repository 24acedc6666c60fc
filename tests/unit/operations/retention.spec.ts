import { mkdir, rm, utimes, writeFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#audit/models/audit_event'
import { Actors } from '#audit/actor'
import { CleanUpExpiredData } from '#operations/retention/clean_up_expired_data'
import { UserFactory } from '#database/factories/user_factory'
import { ContactFactory, OrganisationFactory } from '#database/factories/organisation_factory'
import { sqlTimestamp } from '#shared/sql_time'
import { failedJob } from '#tests/helpers/queue_jobs'
import { LOGO_DIRECTORY } from '#association/actions/update_association_settings'
import { getAssociationSettings } from '#association/queries/get_association_settings'

const HOUR = 60 * 60 * 1000

async function staffToken(userId: number, expiresAt: DateTime, usedAt: DateTime | null = null) {
  const [id] = await db.table('user_tokens').insert({
    user_id: userId,
    purpose: 'password_reset',
    token_hash: randomUUID().replaceAll('-', ''),
    expires_at: sqlTimestamp(expiresAt),
    used_at: usedAt ? sqlTimestamp(usedAt) : null,
    created_at: sqlTimestamp(expiresAt.minus({ hours: 1 })),
  })
  return Number(id)
}

async function memberToken(contactId: number, expiresAt: DateTime) {
  const [id] = await db.table('member_login_tokens').insert({
    contact_id: contactId,
    token_hash: randomUUID().replaceAll('-', ''),
    expires_at: sqlTimestamp(expiresAt),
    used_at: null,
    created_at: sqlTimestamp(expiresAt.minus({ hours: 1 })),
  })
  return Number(id)
}

/** A session row as the session store writes it: expiry as a Date. */
async function session(expiresAt: DateTime) {
  const id = randomUUID()
  await db.table('sessions').insert({
    id,
    user_id: null,
    data: '{}',
    expires_at: expiresAt.toJSDate(),
  })
  return id
}

async function fileAged(folder: string, name: string, ageMs: number) {
  await mkdir(folder, { recursive: true })
  const path = join(folder, name)
  await writeFile(path, 'navn;cvr\n')
  const when = new Date(Date.now() - ageMs)
  await utimes(path, when, when)
  return path
}

async function ids(table: string) {
  const rows = await db.from(table).select('id').orderBy('id')
  return rows.map((row) => (typeof row.id === 'string' ? row.id : Number(row.id)))
}

async function runs() {
  return AuditEvent.query().where('action', 'operations.retention_run').orderBy('id')
}

test.group('Nightly clean-up', (group) => {
  let tmpRoot: string
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    tmpRoot = app.tmpPath(`retention-test-${randomUUID()}`)
    return () => rm(tmpRoot, { recursive: true, force: true })
  })

  test('deletes exactly what has passed its time, around each limit', async ({ assert }) => {
    const now = DateTime.now().startOf('second')
    const user = await UserFactory.create()
    const expired = await staffToken(user.id, now.minus({ seconds: 1 }))
    const alive = await staffToken(user.id, now.plus({ seconds: 1 }))
    const used = await staffToken(user.id, now.plus({ hours: 1 }), now.minus({ minutes: 5 }))
    const organisation = await OrganisationFactory.create()
    const contact = await ContactFactory.merge({ organisationId: organisation.id }).create()
    const memberExpired = await memberToken(contact.id, now.minus({ seconds: 1 }))
    const memberAlive = await memberToken(contact.id, now.plus({ seconds: 1 }))
    const sessionEnded = await session(now.minus({ seconds: 1 }))
    const sessionAlive = await session(now.plus({ minutes: 1 }))
    const imports = join(tmpRoot, 'imports')
    await fileAged(imports, 'fresh.csv', 23 * HOUR)
    await fileAged(imports, 'stale.csv', 25 * HOUR)
    await fileAged(join(tmpRoot, 'uploads'), 'left-by-a-crash', 25 * HOUR)
    // The logo lives in a folder inside the uploads folder, which the clean-up must never touch.
    await fileAged(join(tmpRoot, LOGO_DIRECTORY), 'logo.png', 400 * 24 * HOUR)
    const recentFailure = await failedJob()
    const oldJob = randomUUID()
    await db.table('queue_jobs').insert({
      id: oldJob,
      queue: 'default',
      status: 'completed',
      data: '{}',
      finished_at: now.minus({ days: 31 }).toMillis(),
    })
    const beforeSessions = await ids('sessions')

    const counts = await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'), now)

    assert.deepEqual(counts, {
      staff_tokens: 2,
      member_tokens: 1,
      sessions: 1,
      temporary_files: 2,
      queue_jobs: 1,
      deliveries: 0,
      share_events: 0,
      forwards: 0,
      ip_addresses: 0,
      former_members: 0,
      contacts: 0,
      invoice_addresses: 0,
    })
    assert.deepEqual(await ids('user_tokens'), [alive])
    assert.notInclude(await ids('user_tokens'), expired)
    assert.notInclude(await ids('user_tokens'), used)
    assert.deepEqual(await ids('member_login_tokens'), [memberAlive])
    assert.notInclude(await ids('member_login_tokens'), memberExpired)
    const afterSessions = await ids('sessions')
    assert.include(afterSessions, sessionAlive)
    assert.notInclude(afterSessions, sessionEnded)
    assert.lengthOf(afterSessions, beforeSessions.length - 1)
    assert.deepEqual(await readdir(imports), ['fresh.csv'])
    assert.deepEqual(await readdir(join(tmpRoot, 'uploads')), ['association'])
    assert.deepEqual(await readdir(join(tmpRoot, LOGO_DIRECTORY)), ['logo.png'])
    assert.deepEqual(await ids('queue_jobs'), [recentFailure])
  })

  test('each run is one audit event with its counts; a second run deletes nothing and is still logged', async ({
    assert,
  }) => {
    const now = DateTime.now().startOf('second')
    const user = await UserFactory.create()
    await staffToken(user.id, now.minus({ days: 2 }))
    await session(now.minus({ hours: 3 }))
    await fileAged(join(tmpRoot, 'imports'), 'stale.csv', 2 * 24 * HOUR)
    const cleanUp = new CleanUpExpiredData(tmpRoot)

    await cleanUp.handle(Actors.system('scheduler'), now)
    const second = await cleanUp.handle(Actors.system('scheduler'), now.plus({ seconds: 1 }))

    assert.deepEqual(second, {
      staff_tokens: 0,
      member_tokens: 0,
      sessions: 0,
      temporary_files: 0,
      queue_jobs: 0,
      deliveries: 0,
      share_events: 0,
      forwards: 0,
      ip_addresses: 0,
      former_members: 0,
      contacts: 0,
      invoice_addresses: 0,
    })
    const events = await runs()
    assert.lengthOf(events, 2)
    assert.deepEqual(
      events.map((event) => [event.module, event.actorType, event.actorLabel]),
      [
        ['operations', 'system', 'scheduler'],
        ['operations', 'system', 'scheduler'],
      ]
    )
    assert.equal(Number(events[0].details.staff_tokens), 1)
    assert.equal(Number(events[0].details.temporary_files), 1)
    assert.isAtLeast(Number(events[0].details.sessions), 1)
    assert.deepEqual(Object.values(events[1].details).map(Number), Array(12).fill(0))
  })

  test('a run is described in both languages, each count with its own singular or plural', async ({
    assert,
  }) => {
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const now = DateTime.now().startOf('second')
    await session(now.minus({ hours: 1 }))
    await fileAged(join(tmpRoot, 'imports'), 'stale.csv', 2 * 24 * HOUR)
    await fileAged(join(tmpRoot, 'imports'), 'older.csv', 3 * 24 * HOUR)
    const counts = await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'), now)
    const [event] = await runs()
    assert.deepEqual(event.details, { ...counts })
    const details = { ...counts, sessions: 1, deliveries: 3, contacts: 1, former_members: 1 }
    assert.equal(
      i18nManager.locale('da').t('audit.actions.operations.retention_run', details),
      'Natlig oprydning slettede 0 brugerlinks, 0 medlemslinks, 1 session, 2 midlertidige filer, 0 gamle baggrundsjob og 0 videresendelser; anonymiserede 3 leveringer, 0 hændelser via del-links og 1 kontaktperson hos 1 tidligere medlem; fjernede 0 IP-adresser og 0 modtageradresser ved fakturaer efter bogføringsperioden'
    )
    assert.equal(
      i18nManager.locale('en').t('audit.actions.operations.retention_run', details),
      'Nightly clean-up deleted 0 staff links, 0 member links, 1 session, 2 temporary files, 0 old background jobs and 0 forwards; anonymised 3 deliveries, 0 share link events and 1 contact person of 1 former member; removed 0 IP addresses and 0 recipient addresses on invoices past the bookkeeping period'
    )
  })

  test('with days to keep them, a login link goes that many Danish days after it expired', async ({
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.retentionLoginTokenDays = 7
    await settings.save()
    // Summer time began in between: seven Danish days are 167 hours here.
    const now = DateTime.fromISO('2026-04-01T10:00:00Z')
    const limit = DateTime.fromISO('2026-03-25T11:00:00Z')
    const user = await UserFactory.create()
    const atLimit = await staffToken(user.id, limit)
    const within = await staffToken(user.id, limit.plus({ seconds: 1 }))
    const usedAtLimit = await staffToken(user.id, now.plus({ days: 1 }), limit)
    const usedWithin = await staffToken(user.id, now.plus({ days: 1 }), limit.plus({ seconds: 1 }))
    const organisation = await OrganisationFactory.create()
    const contact = await ContactFactory.merge({ organisationId: organisation.id }).create()
    const memberAtLimit = await memberToken(contact.id, limit)
    const memberWithin = await memberToken(contact.id, limit.plus({ seconds: 1 }))

    const counts = await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'), now)

    assert.equal(counts.staff_tokens, 2)
    assert.equal(counts.member_tokens, 1)
    const staffLeft = await ids('user_tokens')
    assert.includeMembers(staffLeft, [within, usedWithin])
    assert.notIncludeMembers(staffLeft, [atLimit, usedAtLimit])
    assert.deepEqual(await ids('member_login_tokens'), [memberWithin])
    assert.notInclude(await ids('member_login_tokens'), memberAtLimit)
  })
})
