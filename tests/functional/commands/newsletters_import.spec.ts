import { test } from '@japa/runner'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'

/* The command runs as its own process, so this group cleans up after itself. */
test.group('node ace newsletters:import', (group) => {
  commandLayerOnce(group)
  const folder = app.tmpPath('newsletter-files')
  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    return async () => {
      await rm(folder, { recursive: true, force: true })
    }
  })
  group.each.teardown(async () => {
    await db.from('audit_events').where('module', 'newsletters').delete()
    await db.from('subscriptions').delete()
    await db.from('subscribers').delete()
    await db.from('newsletter_lists').delete()
  })

  test('imports a list with evidence; refuses a file without it, exit 1', async ({ assert }) => {
    await NewsletterListFactory.merge({ slug: 'nyhedsbrev' }).with('consentTexts', 1).create()
    await writeFile(
      `${folder}/ok.csv`,
      'E-mail;Fornavn;Tilmeldt;Bekræftet\r\nida@example.org;Ida;15-01-2021 10:30;15-01-2021 10:41\r\n'
    )
    const ok = await runAce(['newsletters:import', 'nyhedsbrev', `${folder}/ok.csv`])
    assert.equal(ok.code, 0, ok.stdout + ok.stderr)
    assert.include(ok.stdout, 'Imported 1 subscribers into Nyhedsbrev')

    await writeFile(`${folder}/bad.csv`, 'E-mail;Fornavn;Tilmeldt\r\nbo@example.org;Bo;\r\n')
    const bad = await runAce(['newsletters:import', 'nyhedsbrev', `${folder}/bad.csv`])
    assert.equal(bad.code, 1)
    assert.include(bad.stdout + bad.stderr, 'row 2: Tilmeldt: no opt-in time')

    const unknownList = await runAce(['newsletters:import', 'findes-ikke', `${folder}/ok.csv`])
    assert.equal(unknownList.code, 1)
    assert.include(unknownList.stdout + unknownList.stderr, 'No newsletter list "findes-ikke"')
  })
})
