import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import BackupRun from '#operations/models/backup_run'
import { metricsText } from '#operations/metrics/registry'

function lastBackupGauge(text: string) {
  const line = text.split('\n').find((row) => row.startsWith('kreds_backup_last_success_'))
  return line ? Number(line.split(' ')[1]) : undefined
}

const VALID = {
  backup_folder: '/srv/kreds-backups',
  backup_keep_daily: '7',
  backup_keep_weekly: '4',
  backup_keep_monthly: '12',
}

test.group('The backups page and its settings', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the admin names a folder and the counts; 0 is kept as 0', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .put('/operations/backups/settings')
      .form({ ...VALID, backup_folder: '/srv/kreds-backups/', backup_keep_weekly: '0' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Indstillingerne for sikkerhedskopier er gemt.')
    const settings = await getAssociationSettings()
    await settings.refresh()
    assert.equal(settings.backupFolder, '/srv/kreds-backups')
    assert.equal(settings.backupKeepDaily, 7)
    assert.strictEqual(settings.backupKeepWeekly, 0)
    assert.equal(settings.backupKeepMonthly, 12)
    const event = await db
      .from('audit_events')
      .where('action', 'operations.backup_settings_saved')
      .firstOrFail()
    assert.equal(event.actor_id, admin.id)
    assert.include(event.changes, '/srv/kreds-backups')
    const log = await client.get('/audit').loginAs(admin)
    log.assertTextIncludes('Indstillingerne for sikkerhedskopier blev ændret')
    log.assertTextIncludes('Mappe til sikkerhedskopier')

    // An empty folder turns the nightly backups off.
    await client
      .put('/operations/backups/settings')
      .form({ ...VALID, backup_folder: '' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    await settings.refresh()
    assert.isNull(settings.backupFolder)
    const page = await client.get('/operations/backups').loginAs(admin)
    page.assertTextIncludes('Natlige sikkerhedskopier er slået fra')
    const settingsPage = await client.get('/settings').loginAs(admin)
    settingsPage.assertTextIncludes('href="/operations/backups"')
  })

  test('a relative folder, a folder among the backed-up files, an empty count and 367 are refused', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const cases: [Record<string, string>, string, string][] = [
      [{ backup_folder: 'backups' }, 'backup_folder', 'Skriv hele stien fra roden'],
      [
        { backup_folder: app.makePath('storage/backups') },
        'backup_folder',
        'blandt de filer, en sikkerhedskopi tager med',
      ],
      [{ backup_keep_daily: '' }, 'backup_keep_daily', 'Skriv et helt tal fra 0 til 366'],
      [{ backup_keep_weekly: '367' }, 'backup_keep_weekly', 'Skriv et helt tal fra 0 til 366'],
      [{ backup_keep_monthly: '1,5' }, 'backup_keep_monthly', 'Skriv et helt tal fra 0 til 366'],
      [{ backup_keep_monthly: '-1' }, 'backup_keep_monthly', 'Skriv et helt tal fra 0 til 366'],
    ]
    for (const [change, field, message] of cases) {
      const response = await client
        .put('/operations/backups/settings')
        .form({ ...VALID, ...change })
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
      assert.include(errors?.[field]?.join(' ') ?? '', message, JSON.stringify(change))
    }
    const settings = await getAssociationSettings()
    await settings.refresh()
    assert.isNull(settings.backupFolder)
    assert.equal(settings.backupKeepDaily, 7)
  })

  test('an English admin reads the refusal in English', async ({ client }) => {
    const admin = await UserFactory.apply('admin').merge({ locale: 'en' }).create()
    const response = await client
      .put('/operations/backups/settings')
      .form({ ...VALID, backup_keep_daily: '' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      backup_keep_daily: ['Enter a whole number from 0 to 366; 0 keeps none of that kind.'],
    })
  })

  test('the admin sees the last backup in Danish time and size, and the last runs', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const settings = await getAssociationSettings()
    settings.backupFolder = '/srv/kreds-backups'
    await settings.save()
    // 01:30 UTC on 3 December is 02:30 in Copenhagen.
    const at = DateTime.fromISO('2026-12-03T01:30:00Z').toLocal()
    await BackupRun.createMany([
      {
        startedAt: at,
        finishedAt: at.plus({ seconds: 4 }),
        status: 'succeeded',
        folder: '/srv/kreds-backups',
        fileName: 'kreds-2026-12-03-0230.tar.gz',
        sizeBytes: 12_345_678,
        prunedCount: 1,
      },
      {
        startedAt: at.plus({ days: 1 }),
        finishedAt: at.plus({ days: 1 }),
        status: 'postponed',
        folder: '/srv/kreds-backups',
        reason: 'secret_ballot_open',
      },
    ])
    const page = await client.get('/operations/backups').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('3. december 2026 kl. 02.30')
    page.assertTextIncludes('12,3 MB')
    page.assertTextIncludes('kreds-2026-12-03-0230.tar.gz')
    page.assertTextIncludes('Udskudt')
    page.assertTextIncludes('En hemmelig afstemning var åben')

    const dashboard = await client.get('/').loginAs(admin)
    dashboard.assertTextIncludes('Sikkerhedskopi 3. december 2026 kl. 02.30')
    dashboard.assertTextIncludes('12,3 MB')
    dashboard.assertTextIncludes('Udskudt 4. december 2026 kl. 02.30')

    const english = await UserFactory.apply('admin').merge({ locale: 'en' }).create()
    const inEnglish = await client.get('/operations/backups').loginAs(english)
    inEnglish.assertTextIncludes('12.3 MB')
  })

  test('other roles are refused the page and the settings', async ({ client, assert }) => {
    for (const role of ['board', 'treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      const page = await client.get('/operations/backups').loginAs(user)
      page.assertStatus(403)
      const save = await client
        .put('/operations/backups/settings')
        .form(VALID)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      save.assertStatus(403)
      const dashboard = await client.get('/').loginAs(user)
      assert.notInclude(dashboard.text(), 'data-testid="admin-backup"')
    }
    const guest = await client.get('/operations/backups').redirects(0)
    guest.assertStatus(302)
    assert.equal(guest.header('location'), '/login')
    assert.isNull((await getAssociationSettings()).backupFolder)
  })

  test('the metrics give the start of the last backup that succeeded, 0 before the first', async ({
    assert,
  }) => {
    assert.equal(lastBackupGauge((await metricsText()).text), 0)
    const at = DateTime.fromISO('2026-12-03T01:30:00Z').toLocal()
    const run = {
      folder: '/srv/kreds-backups',
      prunedCount: 0,
      finishedAt: at.plus({ days: 1 }),
    }
    await BackupRun.createMany([
      { ...run, startedAt: at, status: 'succeeded', fileName: 'kreds-2026-12-03-0230.tar.gz' },
      { ...run, startedAt: at.plus({ days: 1 }), status: 'failed', errorMessage: 'ENOSPC' },
    ])
    assert.equal(lastBackupGauge((await metricsText()).text), at.toSeconds())
  })
})
