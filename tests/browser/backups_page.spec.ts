import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import BackupRun from '#operations/models/backup_run'
import {
  accessibilityViolations,
  documentWidthOnPhone,
  PHONE_WIDTH,
} from '#tests/helpers/page_checks'

const FOLDER = '/srv/en-meget-lang-mappe-til-foreningens-sikkerhedskopier/natlige-kopier'

test.group('The backups page in Chromium', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('with runs of every result it passes axe and fits a phone', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.backupFolder = FOLDER
    await settings.save()
    const at = DateTime.now().minus({ days: 2 }).startOf('hour')
    const run = { folder: FOLDER, prunedCount: 0 }
    await BackupRun.createMany([
      {
        ...run,
        startedAt: at,
        finishedAt: at.plus({ seconds: 3 }),
        status: 'succeeded',
        fileName: 'kreds-2026-12-02-0230.tar.gz',
        sizeBytes: 48_213_334,
        prunedCount: 2,
      },
      {
        ...run,
        startedAt: at.plus({ days: 1 }),
        finishedAt: at.plus({ days: 1 }),
        status: 'postponed',
        reason: 'secret_ballot_open',
      },
      {
        ...run,
        startedAt: at.plus({ days: 1, hours: 1 }),
        finishedAt: at.plus({ days: 1, hours: 1 }),
        status: 'failed',
        fileName: 'kreds-2026-12-03-0330.tar.gz',
        errorMessage: `The backup folder ${FOLDER} cannot be written to (EACCES)`,
      },
    ])
    const admin = await UserFactory.apply('admin').create()
    await browserContext.loginAs(admin)
    const page = await visit('/operations/backups')
    await page.assertTextContains('[data-testid="last-backup-size"]', '48,2 MB')
    assert.deepEqual(await accessibilityViolations(page), [])
    const phone = await documentWidthOnPhone(page)
    assert.isAtMost(phone.width, PHONE_WIDTH, phone.culprits.join(', '))

    const start = await visit('/')
    await start.assertTextContains('[data-testid="admin-backup"]', '48,2 MB')
    assert.deepEqual(await accessibilityViolations(start), [])
    assert.isAtMost((await documentWidthOnPhone(start)).width, PHONE_WIDTH)
  })
})
