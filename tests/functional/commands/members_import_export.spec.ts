import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { encode, FOUNDERS_FILE, memberFile } from '#tests/helpers/member_files'

/*
| The commands run as their own processes against the test database, outside
| any test transaction; each test leaves the register empty again.
*/
test.group('node ace members:import and members:export', (group) => {
  commandLayerOnce(group)
  const folder = app.tmpPath('command-files')
  const path = (name: string) => `${folder}/${name}`
  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    return async () => {
      await rm(folder, { recursive: true, force: true })
    }
  })
  group.each.teardown(async () => {
    await db.from('audit_events').whereIn('subject_type', ['organisation', 'import_file']).delete()
    await db.from('import_files').delete()
    await db.from('contacts').delete()
    await db.from('organisation_status_changes').delete()
    await db.from('organisations').delete()
  })

  test('imports a Windows-1252 file, says how many, and a second run changes nothing', async ({
    assert,
  }) => {
    await writeFile(path('medlemmer.csv'), encode(FOUNDERS_FILE, 'windows-1252'))

    const dryRun = await runAce(['members:import', path('medlemmer.csv'), '--dry-run'])
    assert.equal(dryRun.code, 0, dryRun.stdout + dryRun.stderr)
    assert.include(dryRun.stdout, 'row 2: new: LIVSVÆRK')
    assert.include(
      dryRun.stdout,
      '4 new, 0 changed, 0 unchanged, 0 not in the file; nothing imported'
    )
    assert.lengthOf(await Organisation.all(), 0)

    const first = await runAce(['members:import', path('medlemmer.csv')])
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.include(first.stdout, 'Imported: 4 new, 0 changed, 0 unchanged')
    assert.include(first.stdout, 'row 6: Type: "Forlag" is imported as Other')
    assert.equal((await Organisation.findByOrFail('cvr', '10150817')).name, 'LIVSVÆRK')

    const second = await runAce(['members:import', path('medlemmer.csv')])
    assert.equal(second.code, 0)
    assert.include(second.stdout, 'Imported: 0 new, 0 changed, 4 unchanged')
  })

  test('a file with bad rows lists them, imports nothing and exits 1', async ({ assert }) => {
    await writeFile(
      path('fejl.csv'),
      memberFile([
        'Navn;CVR;Kontaktperson;E-mail;Postnr;Noget andet',
        'God Forening;10150817;Ann;ann@example.org;8000;x',
        'Dårlig Forening;12345678;Bo;bo@example.org;800000;y',
      ])
    )
    const result = await runAce(['members:import', path('fejl.csv')])
    assert.equal(result.code, 1)
    const output = result.stdout + result.stderr
    assert.include(output, 'row 3: CVR: 12345678 is not a valid CVR number')
    assert.include(output, 'row 3: Postnr: 800000 is not a postcode')
    assert.include(output, 'These columns are not known and are skipped: Noget andet')
    assert.include(output, 'Nothing has been imported')
    assert.lengthOf(await Organisation.all(), 0)
  })

  test('a missing file is a clear error', async ({ assert }) => {
    const result = await runAce(['members:import', path('findes-ikke.csv')])
    assert.equal(result.code, 1)
    assert.include(result.stdout + result.stderr, 'Cannot read the file')
  })

  test('exports what Danish Excel reads: BOM, semicolons, CRLF, and it imports back unchanged', async ({
    assert,
  }) => {
    await writeFile(path('medlemmer.csv'), FOUNDERS_FILE)
    await runAce(['members:import', path('medlemmer.csv')])

    const exported = await runAce(['members:export', path('eksport.csv')])
    assert.equal(exported.code, 0, exported.stdout + exported.stderr)
    assert.include(exported.stdout, 'Exported 4 organisations (4 rows)')
    const bytes = await readFile(path('eksport.csv'))
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    assert.isTrue(text.startsWith('\uFEFFNavn;Type;Juridisk form;CVR;EAN;Adresse;Postnr;By;'))
    assert.include(
      text,
      'LIVSVÆRK;NGO/forening;Forening;10150817;;"Nørregade 7; 2. sal";1165;København K;'
    )
    assert.include(text, ';0800;Høje-Taastrup;')
    assert.include(text, '15-01-2021')
    assert.isTrue(text.endsWith('\r\n'))

    const back = await runAce(['members:import', path('eksport.csv')])
    assert.include(back.stdout, '0 new, 0 changed, 4 unchanged')
  })

  test('the format follows the file name: .xlsx out and back in, unchanged; an edit shows old → new', async ({
    assert,
  }) => {
    await writeFile(path('medlemmer.csv'), FOUNDERS_FILE)
    await runAce(['members:import', path('medlemmer.csv')])
    const exported = await runAce(['members:export', path('medlemmer.xlsx')])
    assert.equal(exported.code, 0, exported.stdout + exported.stderr)
    const bytes = await readFile(path('medlemmer.xlsx'))
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')

    const back = await runAce(['members:import', path('medlemmer.xlsx'), '--dry-run'])
    assert.equal(back.code, 0, back.stdout + back.stderr)
    assert.include(back.stdout, '0 new, 0 changed, 4 unchanged')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const header = (sheet.getRow(1).values as string[]).slice(1)
    sheet.eachRow((row) => {
      if (row.getCell(header.indexOf('Navn') + 1).value === 'LIVSVÆRK') {
        row.getCell(header.indexOf('By') + 1).value = 'Roskilde'
      }
    })
    await writeFile(path('rettet.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()))
    const edited = await runAce(['members:import', path('rettet.xlsx'), '--dry-run'])
    assert.include(edited.stdout, 'row 5: changed: LIVSVÆRK')
    assert.include(edited.stdout, 'By: København K -> Roskilde')
    assert.include(edited.stdout, '0 new, 1 changed, 3 unchanged')
  })
})
