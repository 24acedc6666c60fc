import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { checkMjml } from '#newsletters/mjml/check_mjml'

/*
| Real templates from public repositories, and broken variants of them,
| with what Kreds must say of each (../shared/mjml-corpus/verdicts.tsv).
*/
const corpus = app.makePath('..', 'shared', 'mjml-corpus')
const corpusPresent = existsSync(join(corpus, 'verdicts.tsv'))

type Verdict = { file: string; verdict: 'ok' | 'refuse' }

async function readVerdicts(): Promise<Verdict[]> {
  const [, ...rows] = (await readFile(join(corpus, 'verdicts.tsv'), 'utf8')).split('\n')
  return rows
    .filter((row) => row.trim())
    .map((row) => {
      const [file, verdict] = row.split('\t')
      if (verdict !== 'ok' && verdict !== 'refuse') {
        throw new Error(`verdicts.tsv: unknown verdict "${verdict}" for ${file}`)
      }
      return { file, verdict }
    })
}

const verdicts = corpusPresent ? await readVerdicts() : []

if (!corpusPresent && !process.env.CI) {
  console.warn(`MJML corpus tests skipped: ${corpus} does not exist`)
}

test.group('MJML corpus', () => {
  test('is present in CI', ({ assert }) => {
    assert.isTrue(corpusPresent, `The MJML corpus is missing: expected ${corpus}/verdicts.tsv`)
  }).skip(!corpusPresent && !process.env.CI, 'the MJML corpus is not checked out next to the app')

  test('lists files to check', ({ assert }) => {
    assert.isAbove(verdicts.length, 0)
  }).skip(!corpusPresent, 'the MJML corpus is not checked out next to the app')

  for (const { file, verdict } of verdicts) {
    test(`${file} → ${verdict}`, async ({ assert }) => {
      const filePath = join(corpus, file)
      const { problems, html } = await checkMjml(await readFile(filePath, 'utf8'), { filePath })
      const report = problems.map(({ line, message }) => `line ${line}: ${message}`).join('\n')

      if (verdict === 'ok') {
        assert.deepEqual(problems, [], report)
        assert.isString(html)
        return
      }
      assert.isNull(html)
      assert.isAbove(problems.length, 0, 'a broken file passed the check')
      for (const problem of problems) {
        assert.isAtLeast(problem.line, 1, report)
        assert.notMatch(problem.message, /(^|[\s"'(])\/(?:[\w.-]+\/)+/, report)
        assert.notInclude(problem.message, corpus, report)
      }
    })
  }
})
