import { test } from '@japa/runner'
import { utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import app from '@adonisjs/core/services/app'
import {
  discardAbandonedUploads,
  parkUpload,
  PARKED_FOR_MS,
  readParkedUpload,
} from '#shared/csv/parked_uploads'

test.group('Parked uploads', () => {
  test('a preview left unconfirmed for a day is removed by a later upload', async ({ assert }) => {
    const source = join(tmpdir(), `kreds-park-${process.pid}.csv`)
    await writeFile(source, 'Navn;E-mail\n')
    const old = await parkUpload(source)
    const fresh = await parkUpload(source)

    // Two days ago, as far as the file system knows.
    const past = (Date.now() - 2 * PARKED_FOR_MS) / 1000
    await utimes(app.tmpPath('imports', `${old}.csv`), past, past)
    await discardAbandonedUploads()

    assert.isNull(await readParkedUpload(old))
    assert.isNotNull(await readParkedUpload(fresh))
  })
})
