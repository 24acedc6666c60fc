import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'

/*
 * Every string Kreds shows exists in Danish and English, is a valid ICU
 * message (a broken one throws when shown, long after it was written), and
 * asks for the same values in both languages.
 */
type Messages = Map<string, string>

const ASKS_FOR_A_VALUE = new Set([
  TYPE.argument,
  TYPE.number,
  TYPE.date,
  TYPE.time,
  TYPE.select,
  TYPE.plural,
])

function flatten(tree: unknown, prefix: string, into: Messages) {
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    if (value && typeof value === 'object') flatten(value, `${prefix}${key}.`, into)
    else into.set(`${prefix}${key}`, String(value))
  }
  return into
}

async function messagesOf(locale: 'da' | 'en') {
  const folder = app.languageFilesPath(locale)
  const messages: Messages = new Map()
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
    const tree = JSON.parse(await readFile(`${folder}/${file}`, 'utf8'))
    flatten(tree, `${file.replace(/\.json$/, '')}.`, messages)
  }
  return messages
}

/** The names of the values a message asks for, in its plural and select branches too. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()) {
  for (const element of elements) {
    if (ASKS_FOR_A_VALUE.has(element.type)) into.add((element as { value: string }).value)
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into)
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into)
  }
  return into
}

test.group('Language files', () => {
  test('Danish and English hold exactly the same keys', async ({ assert }) => {
    const [da, en] = await Promise.all([messagesOf('da'), messagesOf('en')])
    assert.deepEqual(
      [...da.keys()].filter((key) => !en.has(key)),
      [],
      'keys with no English text'
    )
    assert.deepEqual(
      [...en.keys()].filter((key) => !da.has(key)),
      [],
      'keys with no Danish text'
    )
  })

  test('the language files list the same files', async ({ assert }) => {
    const files = async (locale: string) =>
      (await readdir(app.languageFilesPath(locale))).filter((name) => name.endsWith('.json')).sort()
    assert.deepEqual(await files('da'), await files('en'))
  })

  test('every message is a valid ICU message in both languages', async ({ assert }) => {
    const broken: string[] = []
    for (const locale of ['da', 'en'] as const) {
      for (const [key, message] of await messagesOf(locale)) {
        try {
          parse(message, { ignoreTag: true })
        } catch (error) {
          broken.push(`${locale} ${key}: ${(error as Error).message}`)
        }
      }
    }
    assert.deepEqual(broken, [])
  })

  test('a message asks for the same values in Danish and English', async ({ assert }) => {
    const [da, en] = await Promise.all([messagesOf('da'), messagesOf('en')])
    const differing: string[] = []
    for (const [key, danish] of da) {
      const english = en.get(key)
      if (english === undefined) continue
      const wanted = (message: string) =>
        [...argumentsOf(parse(message, { ignoreTag: true }))].sort().join(',')
      if (wanted(danish) !== wanted(english)) {
        differing.push(`${key}: da {${wanted(danish)}} en {${wanted(english)}}`)
      }
    }
    assert.deepEqual(differing, [])
  })

  test('a broken message is caught by the parser this test relies on', ({ assert }) => {
    assert.throws(() => parse('{count, plural, one {# dag} other {# dage}', { ignoreTag: true }))
    assert.throws(() => parse("{days, plural, one {# day's} other {# days'}}", { ignoreTag: true }))
  })
})

test.group('Plural forms', () => {
  test('{0}: {1} → "{2}"')
    .with([
      ['members.count', 1, '1 organisation'],
      ['members.count', 2, '2 organisationer'],
      ['members.count', 0, 'Ingen organisationer'],
      ['newsletters.sending.recipients', 1912, 'Udgaven går til 1.912 modtagere.'],
      ['newsletters.sending.recipients', 1, 'Udgaven går til 1 modtager.'],
      ['auth.reset_link_sent', 1, 'Det gælder i 1 minut.'],
      ['auth.reset_link_sent', 30, 'Det gælder i 30 minutter.'],
      ['dues.bank.statement.apply', 1, 'Bogfør 1 sikkert match'],
      ['dues.bank.statement.apply', 3, 'Bogfør 3 sikre match'],
      ['dues.bank.statement.pending', 1, '1 reserveret postering er ikke medtaget'],
      ['newsletters.confirm_mail.ignore', 1, 'Linket gælder i 1 dag.'],
      ['assemblies.register.members', 1, 'medlem'],
      ['assemblies.register.entitled', 1, 'stemmeberettiget'],
      ['newsletters.shares.views_count', 1, 'visning af del-link'],
      ['newsletters.shares.signups', 1, 'ny abonnent via deling (0 bekræftet)'],
    ] as const)
    .run(({ assert }, [key, count, expected]) => {
      const danish = i18nManager.locale('da')
      const data = {
        count,
        minutes: count,
        days: count,
        amount: '10,00 kr.',
        confirmed: 0,
      }
      assert.include(danish.t(key, data), expected)
    })

  test('English counts follow English rules', ({ assert }) => {
    const english = i18nManager.locale('en')
    assert.equal(english.t('members.count', { count: 1 }), '1 organisation')
    assert.equal(english.t('members.count', { count: 2 }), '2 organisations')
    assert.include(english.t('auth.reset_link_sent', { minutes: 1 }), 'valid for 1 minute.')
    assert.include(
      english.t('assemblies.notice.too_late', { daysLeft: 1, required: 14 }),
      'There is only 1 day to the assembly; the statutes require 14 days.'
    )
  })

  test('a sentence with several counts agrees with each', ({ assert }) => {
    const danish = i18nManager.locale('da')
    assert.include(
      danish.t('assemblies.statutes', { notice: 14, motions: 1, proxies: 1 }),
      'indkaldelse mindst 14 dage før, forslag senest 1 dag før, højst 1 fuldmagt'
    )
    assert.equal(
      danish.t('dues.bank.sure_refused', { applied: 1, refused: 2 }),
      '1 betaling er bogført. 2 sikre match kunne ikke bogføres (fakturaen er betalt, krediteret eller perioden er lukket) og afventer nu din afgørelse.'
    )
    assert.include(
      danish.t('members.import.done', { new: 1, changed: 2, unchanged: 1, resigned: 0 }),
      'Importeret: 1 ny, 2 ændrede, 1 uændret organisationer.'
    )
  })
})
