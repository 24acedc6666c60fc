import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/** Every job class the queue can run, read from app/<module>/jobs, as the queue finds them. */
async function jobClasses() {
  const names: string[] = []
  const appRoot = app.makePath('app')
  for (const module of await readdir(appRoot)) {
    const folder = join(appRoot, module, 'jobs')
    const files = await readdir(folder).catch(() => [])
    for (const file of files.filter((name) => name.endsWith('.ts'))) {
      const source = await readFile(join(folder, file), 'utf8')
      const name = source.match(/export default class (\w+)/)?.[1]
      if (name) names.push(name)
    }
  }
  return names
}

test.group('Failed jobs are named in words', () => {
  test('every job the queue can run has a name in Danish and English', async ({ assert }) => {
    const classes = await jobClasses()
    assert.isAbove(classes.length, 10)
    for (const locale of ['da', 'en']) {
      const file = app.makePath('resources', 'lang', locale, 'operations.json')
      const names = JSON.parse(await readFile(file, 'utf8')).job_names as Record<string, string>
      const missing = classes.filter((name) => !names[name])
      assert.deepEqual(missing, [], `jobs without a name in ${locale}`)
    }
  })
})
