import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'

const corpus = app.makePath('..', 'shared', 'mjml-corpus')
// CI always has the corpus; elsewhere it may not be checked out next to the app.
const skipWithoutCorpus = !existsSync(corpus) && !process.env.CI

test.group('node ace newsletters:check', (group) => {
  commandLayerOnce(group)
  group.tap((check) => check.skip(skipWithoutCorpus, `${corpus} does not exist`))

  test('prints ok for a real newsletter', async ({ assert }) => {
    const result = await runAce([
      'newsletters:check',
      join(corpus, 'cesko-digital-newsletter__30.mjml'),
    ])
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.equal(result.stdout.trim(), 'ok')
  })

  test('lists a misspelt closing tag by line and fails', async ({ assert }) => {
    const result = await runAce([
      'newsletters:check',
      join(corpus, 'invalid__mismatched-close.mjml'),
    ])
    assert.equal(result.code, 1, result.stdout + result.stderr)
    assert.match(result.stdout, /^line \d+: .+/m)
    assert.include(result.stdout, 'line 16: </mj-colum> closes <mj-column> opened on line 12')
  })

  test('fails on an include of a file that does not exist', async ({ assert }) => {
    const file = join(corpus, 'with-includes', 'mjml-python', 'invalid__missing-include.mjml')
    const result = await runAce(['newsletters:check', file])
    assert.equal(result.code, 1, result.stdout + result.stderr)
    assert.include(result.stdout, 'line 11: mj-include "./does-not-exist.mjml" not found')
    assert.notInclude(result.stdout, corpus)
  })

  test('says so when the file cannot be read', async ({ assert }) => {
    const result = await runAce(['newsletters:check', join(corpus, 'does-not-exist.mjml')])
    assert.equal(result.code, 1, result.stdout + result.stderr)
    assert.include(result.stdout + result.stderr, 'Cannot read the file')
  })
})
