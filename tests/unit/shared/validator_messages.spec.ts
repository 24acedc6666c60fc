import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import vine from '@vinejs/vine'
import { messages as englishDefaults } from '@vinejs/vine/defaults'

/*
 * VineJS answers in English for any rule without a message of our own. Every
 * rule the app's validators call must have one in Danish (and English).
 */
async function sourcesUsingVine(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8')
    if (text.includes('@vinejs/vine')) found.push(text)
  }
  return found
}

/** The rule names (VineJS' message keys) that the validators call, as `.rule(`. */
async function rulesInUse() {
  const sources = [
    ...(await sourcesUsingVine(app.makePath('app'))),
    ...(await sourcesUsingVine(app.makePath('start'))),
  ].join('\n')
  const rules = new Set(['required'])
  for (const key of Object.keys(englishDefaults)) {
    const method = key.startsWith('date.') ? key.slice('date.'.length) : key
    if (!key.includes('.') || key.startsWith('date.')) {
      if (new RegExp(`\\.${method}\\(`).test(sources)) rules.add(key)
    }
  }
  return [...rules].sort()
}

test.group('Validation messages', () => {
  test('every rule the validators use has a Danish and an English message', async ({ assert }) => {
    const rules = await rulesInUse()
    assert.includeMembers(rules, ['required', 'string', 'email', 'maxLength', 'enum'])
    for (const locale of ['da', 'en']) {
      const file = JSON.parse(
        await readFile(app.languageFilesPath(locale, 'validator.json'), 'utf8')
      )
      const missing = rules.filter((rule) => !(rule in file.shared.messages))
      assert.deepEqual(missing, [], `${locale}/validator.json lacks messages for these rules`)
    }
  })

  test('a refused value is described in Danish, with its numbers', async ({ assert }) => {
    const validator = vine.create({
      name: vine.string().minLength(2).maxLength(5),
      count: vine.number().withoutDecimals().positive(),
      upload: vine.string().uuid(),
      website: vine.string().url(),
      lists: vine.array(vine.number()),
      terms: vine.accepted(),
      missing: vine.string(),
    })
    const [error] = await validator.tryValidate(
      {
        name: 'a',
        count: -2,
        upload: 'x',
        website: 'ikke en adresse',
        lists: 'alle',
        terms: 'nej',
      },
      { messagesProvider: i18nManager.locale('da').createMessagesProvider() }
    )
    const messages = Object.fromEntries(
      (error as { messages: { field: string; message: string }[] }).messages.map((m) => [
        m.field,
        m.message,
      ])
    )
    assert.deepEqual(messages, {
      name: 'Skal være mindst 2 tegn.',
      count: 'Skal være større end 0.',
      upload: 'Har ikke det rigtige format.',
      website: 'Skal være en gyldig webadresse.',
      lists: 'Skal være en liste.',
      terms: 'Skal være sat kryds.',
      missing: 'Skal udfyldes.',
    })
  })
})
