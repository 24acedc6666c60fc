import { test } from '@japa/runner'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Actors } from '#audit/actor'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { UserFactory } from '#database/factories/user_factory'
import { TakeNightlyBackup, lastNightlyMark } from '#operations/backup/take_nightly_backup'
import BackupRun from '#operations/models/backup_run'
import NightlyBackupJob from '#operations/jobs/nightly_backup_job'
import { recurringWork } from '#operations/schedule/recurring_work'
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { DANISH_ZONE } from '#shared/danish_time'
import { formatDateTime } from '#shared/formatting'

const scheduler = Actors.system('scheduler')

/**
 * Ten minutes into the last night's backup window. The tests go an hour on
 * from it and must stay in the same night whenever they run: from the real
 * clock at 01:45 Danish time an hour later is already the next night.
 */
const inTheNight = () => lastNightlyMark(DateTime.now()).plus({ minutes: 10 })

async function useFolder(folder: string | null) {
  const settings = await getAssociationSettings()
  settings.backupFolder = folder
  await settings.save()
}

/*
 * The rules that decide whether the night's backup runs at all. None of them
 * gets as far as reading the database into an archive, so they run inside the
 * test transaction; nightly_backup.spec.ts takes real backups.
 */
test.group('The nightly backup: when it runs, waits or fails', (group) => {
  let catcher: MailCatcher
  let work: string
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    work = app.tmpPath(`nightly-backup-rules-${randomUUID()}`)
    await mkdir(work, { recursive: true })
    return async () => {
      await catcher.stop()
      await rm(work, { recursive: true, force: true })
    }
  })

  test('it is in the recurring work, every hour, and acts from 02:30 Danish time', ({ assert }) => {
    const entry = recurringWork.find((listed) => listed.id === 'nightly-backup')
    assert.exists(entry)
    assert.equal(entry!.job, NightlyBackupJob)
    assert.deepInclude(entry, { everyMinutes: 60, timezone: DANISH_ZONE })
    // 01:00 UTC in winter is 02:00 in Denmark: still the night before's mark.
    const winter = lastNightlyMark(DateTime.fromISO('2026-12-04T01:00:00Z'))
    assert.equal(winter.toISO(), '2026-12-03T02:30:00.000+01:00')
    const summer = lastNightlyMark(DateTime.fromISO('2026-07-04T00:30:00Z'))
    assert.equal(summer.toISO(), '2026-07-04T02:30:00.000+02:00')
  })

  test('without a folder nothing is done or recorded', async ({ assert }) => {
    await useFolder(null)
    const result = await new TakeNightlyBackup({ secret: null }).handle(scheduler)
    assert.equal(result.status, 'off')
    assert.lengthOf(await BackupRun.all(), 0)
  })

  test('while a secret ballot is open the backup is postponed, recorded once a night', async ({
    assert,
  }) => {
    await useFolder(work)
    const { assembly } = await assemblyWithMembers({ members: 2 })
    await openBallot(assembly, { question: 'Hvem skal være formand?', secret: true })
    const now = inTheNight()

    const first = await new TakeNightlyBackup({ secret: null }).handle(scheduler, now)
    assert.equal(first.status, 'postponed')
    const runs = await BackupRun.all()
    assert.lengthOf(runs, 1)
    assert.equal(runs[0].status, 'postponed')
    assert.equal(runs[0].reason, 'secret_ballot_open')
    assert.equal(runs[0].folder, work)
    assert.isNull(runs[0].fileName)

    // The next hour: still open, nothing more is written.
    const again = await new TakeNightlyBackup({ secret: null }).handle(
      scheduler,
      now.plus({ minutes: 60 })
    )
    assert.equal(again.status, 'still_postponed')
    assert.lengthOf(await BackupRun.all(), 1)
    assert.deepEqual(await readdir(work), [])

    const events = await db.from('audit_events').where('action', 'operations.backup_postponed')
    assert.lengthOf(events, 1)
    assert.equal(events[0].module, 'operations')
    assert.equal(events[0].actor_label, 'scheduler')
  })

  test('an open ballot that is not secret does not hold the backup back', async ({ assert }) => {
    // A file where the folder should be: the run gets past the ballot check and fails on the folder.
    const blocker = join(work, 'not-a-folder')
    await writeFile(blocker, 'x')
    await useFolder(blocker)
    const { assembly } = await assemblyWithMembers({ members: 2 })
    await openBallot(assembly, { question: 'Godkendes regnskabet?', secret: false })
    const result = await new TakeNightlyBackup({ secret: null }).handle(scheduler)
    assert.equal(result.status, 'failed')
  })

  test('a folder that cannot be written is recorded as failed and mailed to each admin in their language', async ({
    assert,
  }) => {
    // Below a file: no folder can be made or written there, whoever the tests run as.
    const blocker = join(work, 'a-file')
    await writeFile(blocker, 'x')
    const folder = join(blocker, 'backups')
    await useFolder(folder)
    const danish = await UserFactory.apply('admin')
      .merge({ email: 'admin-da@example.org' })
      .create()
    const english = await UserFactory.apply('admin')
      .merge({ email: 'admin-en@example.org', locale: 'en' })
      .create()
    await UserFactory.apply('admin')
      .merge({ email: 'former@example.org', isActive: false })
      .create()
    await UserFactory.apply('board').merge({ email: 'board@example.org' }).create()

    const now = inTheNight()
    const result = await new TakeNightlyBackup({ secret: null }).handle(scheduler, now)
    assert.equal(result.status, 'failed')
    const [run] = await BackupRun.all()
    assert.equal(run.status, 'failed')
    assert.equal(run.folder, folder)
    assert.include(run.errorMessage!, `The backup folder ${folder} cannot be found (ENOTDIR)`)

    const inDanish = await catcher.waitFor((m) => recipientsOf(m).includes(danish.email))
    assert.equal(inDanish.subject, 'Nattens sikkerhedskopi af Kreds mislykkedes')
    assert.include(inDanish.text!, `der blev startet den ${formatDateTime(now)}, kunne ikke tages`)
    assert.include(inDanish.text!, `Den skulle have ligget i mappen ${folder}`)
    assert.include(inDanish.text!, 'cannot be found (ENOTDIR)')
    assert.include(inDanish.html as string, '/operations/backups')
    const inEnglish = await catcher.waitFor((m) => recipientsOf(m).includes(english.email))
    assert.equal(inEnglish.subject, "Kreds's nightly backup failed")
    assert.include(inEnglish.text!, `started on ${formatDateTime(now, 'en')} could not be taken`)
    assert.include(inEnglish.text!, `It was to be written to the folder ${folder}`)
    const recipients = catcher.messages.map(recipientsOf).join(' ')
    assert.notInclude(recipients, 'former@example.org')
    assert.notInclude(recipients, 'board@example.org')

    const event = await db.from('audit_events').where('action', 'operations.backup_failed').first()
    assert.include(event.details, 'ENOTDIR')

    // Later the same night nothing is tried again, and nobody gets a second mail.
    const later = await new TakeNightlyBackup({ secret: null }).handle(
      scheduler,
      now.plus({ hours: 1 })
    )
    assert.equal(later.status, 'not_due')
    assert.lengthOf(await BackupRun.all(), 1)
    // Each mail is sent before handle() returns: the catcher holds all there will be.
    assert.lengthOf(catcher.messages, 2)
  })

  test('a backup still running from an earlier hour is not started again', async ({ assert }) => {
    await useFolder(work)
    const now = inTheNight()
    // Started after tonight's mark, still writing an hour later.
    const started = lastNightlyMark(now).toLocal()
    await BackupRun.create({
      startedAt: started,
      finishedAt: started,
      status: 'running',
      folder: work,
      prunedCount: 0,
    })
    const result = await new TakeNightlyBackup({ secret: null }).handle(
      scheduler,
      now.plus({ hours: 1 })
    )
    assert.equal(result.status, 'not_due')
    assert.lengthOf(await BackupRun.all(), 1)
    assert.deepEqual(await readdir(work), [])
  })
})
