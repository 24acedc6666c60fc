import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { ImportMembers } from '#members/actions/import_members'
import { describeImport } from '#members/register_file/describe_import'
import { describeProblem } from '#shared/csv/describe_problem'
import { seedDemoMembers } from '#database/demo/demo_members'
import { Actors } from '#audit/actor'
import { registerSnapshot } from '#tests/helpers/register_snapshot'

const fixture = (name: string) => readFile(app.makePath('tests/fixtures/spreadsheets', name))
const run = async (name: string, content?: Buffer, dryRun = true) =>
  new ImportMembers().handle(
    { file: content ?? (await fixture(name)), fileName: name, dryRun },
    Actors.system('real files test')
  )
const counts = (result: Awaited<ReturnType<typeof run>>) =>
  ['new', 'changed', 'unchanged'].map(
    (kind) => (result.plan?.plans ?? []).filter((plan) => plan.kind === kind).length
  )

/*
| The demo register exported by Kreds, then opened and saved again the way
| people do: by LibreOffice Calc (to .xlsx, back to CSV, as "Unicode text",
| in Windows-1252), in the old export's columns and in today's. Each must
| import into the register it came from as "0 new, 0 changed".
*/
const UNCHANGED_FILES = [
  'kreds_export.csv',
  'calc_resaved.csv',
  'calc_resaved.xlsx',
  'calc_unicode_text.txt',
  'calc_windows1252.csv',
  'register_export.csv',
  'register_export.xlsx',
  'register_calc_from_csv.xlsx',
  'register_calc_resaved.xlsx',
  'register_calc_resaved.csv',
]

test.group('Register files as Excel and LibreOffice save them', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('{$self} imports into the register it came from as 0 new, 0 changed')
    .with(UNCHANGED_FILES)
    .run(async ({ assert }, name) => {
      await seedDemoMembers()
      const result = await run(name)
      assert.equal(
        result.status,
        'checked',
        JSON.stringify('problems' in result ? result.problems : null)
      )
      assert.deepEqual(counts(result), [0, 0, 10])
    })

  test('an edit made in the file changes exactly that, and nothing else', async ({ assert }) => {
    await seedDemoMembers()
    const before = await registerSnapshot()
    const original = (await fixture('register_calc_resaved.csv')).toString('utf8')
    const edited = original
      .replace(';5230;Odense M;', ';5000;Odense C;')
      .replace(
        /\n(Metodecentret;[^\n]*)\n/,
        (_match, row: string) =>
          `\n${row}\n${row.replace(/;[^;]*;[^;]*;[^;]*@[^;]*;[^;]*;Ja;Nej;Nej;Nej$/, ';Mia Madsen;Kasserer;mia@metodecentret.example.org;;Nej;Ja;Nej;Ja')}\n`
      )
    const preview = await run('rettet.csv', Buffer.from(edited))
    assert.equal(
      preview.status,
      'checked',
      JSON.stringify('problems' in preview ? preview.problems : null)
    )
    const described = describeImport(preview.plan!, i18nManager.locale('da'))
    const changed = described.organisations.filter((entry) => entry.kind !== 'unchanged')
    assert.deepEqual(
      changed.map((entry) => [entry.name, entry.changes, entry.contacts]),
      [
        [
          'Center for Praksisforskning',
          [
            { column: 'Postnr', from: '5230', to: '5000' },
            { column: 'By', from: 'Odense M', to: 'Odense C' },
          ],
          [],
        ],
        [
          'Metodecentret',
          [],
          [{ kind: 'new', label: 'Mia Madsen, mia@metodecentret.example.org', changes: [] }],
        ],
      ]
    )

    const imported = await run('rettet.csv', Buffer.from(edited), false)
    assert.equal(imported.status, 'imported')
    const after = await registerSnapshot()
    const expected = structuredClone(before)
    const praksis = expected.find(
      (organisation) => organisation.name === 'Center for Praksisforskning'
    )!
    praksis.postcode = '5000'
    praksis.city = 'Odense C'
    expected
      .find((organisation) => organisation.name === 'Metodecentret')!
      .contacts.push({
        name: 'Mia Madsen',
        title: 'Kasserer',
        email: 'mia@metodecentret.example.org',
        phone: null,
        roles: [false, true, false, true],
      })
    assert.deepEqual(after, expected)
  })

  test(
    '{$self.name} as Excel or Numbers saves a list of new members imports, names, dates and phones intact'
  )
    .with(['excel_utf8.csv', 'excel_style.xlsx', 'excel_unicode_text.txt', 'numbers_da.csv'])
    .run(async ({ assert }, name) => {
      const phone =
        name.startsWith('excel_utf8') || name.endsWith('.xlsx') ? '+45 20 55 66 77' : null
      const result = await run(name, undefined, false)
      assert.equal(
        result.status,
        'imported',
        JSON.stringify('problems' in result ? result.problems : null)
      )
      const snapshot = await registerSnapshot()
      const aeroe = snapshot.find((organisation) => organisation.name === 'Ærø Idrætsforening')!
      assert.equal(aeroe.joinedOn, '2021-01-15')
      assert.equal(aeroe.cvr, '87654303')
      // A phone with no person's name is still someone to call, and the first becomes the primary.
      assert.deepEqual(
        aeroe.contacts,
        phone
          ? [{ name: '', title: null, email: null, phone, roles: [true, false, false, false] }]
          : []
      )
    })

  test('Excel’s own damage is refused with the row, the column and what to do', async ({
    assert,
  }) => {
    const result = await run('excel_semikolon.csv')
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    const english = i18nManager.locale('en')
    assert.include(
      result.problems.map((problem) => describeProblem(problem, english)),
      'row 2: EAN: Excel turned the number into 5,79800E+12 and lost its digits. Format the column as text in Excel and save the file again'
    )
  })
})
