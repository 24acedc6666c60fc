import { test } from '@japa/runner'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import * as tar from 'tar'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Actors } from '#audit/actor'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { TakeNightlyBackup, lastNightlyMark } from '#operations/backup/take_nightly_backup'
import { backupFileName } from '#operations/backup/backup_retention'
import BackupRun from '#operations/models/backup_run'

const scheduler = Actors.system('scheduler')

/*
 * Real backups: the database is read on a connection of its own, which a
 * test transaction would hold up, so this group runs on the real pool and
 * removes what it wrote.
 */
test.group('The nightly backup writes an archive and prunes the old ones', (group) => {
  let work: string
  let folder: string
  let filesRoot: string
  group.each.setup(async () => {
    work = app.tmpPath(`nightly-backup-${randomUUID()}`)
    folder = join(work, 'backups')
    filesRoot = join(work, 'root')
    await mkdir(folder, { recursive: true })
    await mkdir(join(filesRoot, 'storage'), { recursive: true })
    await writeFile(join(filesRoot, 'storage', 'image.png'), 'not really an image')
    const settings = await getAssociationSettings()
    const before = {
      backupFolder: settings.backupFolder,
      backupKeepDaily: settings.backupKeepDaily,
      backupKeepWeekly: settings.backupKeepWeekly,
      backupKeepMonthly: settings.backupKeepMonthly,
    }
    settings.merge({
      backupFolder: folder,
      backupKeepDaily: 3,
      backupKeepWeekly: 0,
      backupKeepMonthly: 0,
    })
    await settings.save()
    return async () => {
      settings.merge(before)
      await settings.save()
      await db.from('backup_runs').delete()
      await db
        .from('audit_events')
        .whereIn('action', ['operations.backup_succeeded', 'operations.backup_failed'])
        .delete()
      await rm(work, { recursive: true, force: true })
    }
  })

  test('the archive lands in the folder under its Danish time, and only older Kreds backups go', async ({
    assert,
  }) => {
    // An hour on must still be the same night, whenever the test runs.
    const now = lastNightlyMark(DateTime.now()).plus({ minutes: 10 })
    const older = Array.from({ length: 40 }, (_, index) =>
      backupFileName(now.minus({ days: index + 1 }))
    )
    const foreign = ['notes.txt', 'kreds-2020-01-01.tar.gz', 'kreds-2020-01-01-0230.tar.gz.partial']
    for (const name of [...older, ...foreign]) await writeFile(join(folder, name), 'old')
    // Postponed earlier tonight by a secret ballot that has since closed.
    await BackupRun.create({
      startedAt: now.minus({ minutes: 5 }).toLocal(),
      finishedAt: now.minus({ minutes: 5 }).toLocal(),
      status: 'postponed',
      folder,
      reason: 'secret_ballot_open',
      prunedCount: 0,
    })

    const result = await new TakeNightlyBackup({ filesRoot, secret: null }).handle(scheduler, now)
    assert.equal(result.status, 'succeeded')
    const name = backupFileName(now)
    assert.match(name, /^kreds-\d{4}-\d{2}-\d{2}-\d{4}\.tar\.gz$/)

    const left = (await readdir(folder)).sort()
    assert.deepEqual(left, [...foreign, name, older[0], older[1]].sort())

    const run = await BackupRun.query().where('status', 'succeeded').firstOrFail()
    // The row marked running at the start is the one that ends as succeeded.
    assert.deepEqual((await BackupRun.all()).map((row) => row.status).sort(), [
      'postponed',
      'succeeded',
    ])
    assert.equal(run.fileName, name)
    assert.equal(run.sizeBytes, (await stat(join(folder, name))).size)
    assert.equal(run.prunedCount, 38)
    assert.isNull(run.errorMessage)

    const unpacked = join(work, 'unpacked')
    await mkdir(unpacked)
    await tar.extract({ file: join(folder, name), cwd: unpacked })
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8'))
    assert.equal(manifest.format, 'kreds-backup')
    assert.property(manifest.tables, 'backup_runs')
    assert.deepEqual(
      manifest.files.map((file: { path: string }) => file.path),
      ['storage/image.png']
    )

    const event = await db
      .from('audit_events')
      .where('action', 'operations.backup_succeeded')
      .firstOrFail()
    assert.equal(event.module, 'operations')
    assert.include(event.details, name)
    assert.include(event.details, '"pruned":38')

    // Done for the night: the next hour's run does nothing.
    const next = await new TakeNightlyBackup({ filesRoot, secret: null }).handle(
      scheduler,
      now.plus({ hours: 1 })
    )
    assert.equal(next.status, 'not_due')
  }).timeout(60_000)

  test('with a key the archive is sealed', async ({ assert }) => {
    const result = await new TakeNightlyBackup({ filesRoot, secret: 'a passphrase' }).handle(
      scheduler
    )
    assert.equal(result.status, 'succeeded')
    const [name] = await readdir(folder)
    const bytes = await readFile(join(folder, name))
    assert.equal(bytes.subarray(0, 25).toString(), 'KREDS-BACKUP-AES256GCM-1\n')
  }).timeout(60_000)
})
