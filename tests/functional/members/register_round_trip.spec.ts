import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import AuditEvent from '#audit/models/audit_event'
import { ImportMembers } from '#members/actions/import_members'
import { exportMembers, type RegisterFileFormat } from '#members/register_file/export_members'
import { Actors } from '#audit/actor'
import { emptyRegister, registerSnapshot, richRegister } from '#tests/helpers/register_snapshot'

const importer = Actors.system('round trip test')
const importFile = (file: Buffer, format: RegisterFileFormat, dryRun = false) =>
  new ImportMembers().handle({ file, fileName: `medlemmer.${format}`, dryRun }, importer)

/** Every cell of the first sheet as text, row by row: what a person sees in Excel. */
async function cells(file: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((value) => (value instanceof Date ? value.toISOString() : value))
    )
  })
  return rows
}

test.group('The register in and out of a file, unchanged', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  for (const format of ['csv', 'xlsx'] as const) {
    test(`exported as ${format} and imported into an empty register, everything comes back; the next export is the same`, async ({
      assert,
    }) => {
      await richRegister()
      const before = await registerSnapshot()
      const exported = await exportMembers({}, format)

      await emptyRegister()
      const result = await importFile(exported.file, format)
      assert.equal(
        result.status,
        'imported',
        JSON.stringify('problems' in result ? result.problems : null)
      )
      assert.deepEqual(await registerSnapshot(), before)

      const again = await exportMembers({}, format)
      if (format === 'csv')
        assert.equal(again.file.toString('utf8'), exported.file.toString('utf8'))
      else assert.deepEqual(await cells(again.file), await cells(exported.file))
    })

    test(`the ${format} file imported into the register it came from: 0 new, 0 changed, nothing written`, async ({
      assert,
    }) => {
      await richRegister()
      const before = await registerSnapshot()
      const { file } = await exportMembers({}, format)
      const events = await AuditEvent.query().count('* as total').first()

      const result = await importFile(file, format)
      assert.equal(result.status, 'imported')
      if (result.status !== 'imported') return
      assert.deepEqual(
        ['new', 'changed', 'unchanged'].map(
          (kind) => result.plan.plans.filter((plan) => plan.kind === kind).length
        ),
        [0, 0, 5]
      )
      assert.isFalse(result.written)
      assert.deepEqual(await registerSnapshot(), before)
      const after = await AuditEvent.query().count('* as total').first()
      assert.equal(Number(after!.$extras.total), Number(events!.$extras.total))
    })
  }

  test('the xlsx export writes identifiers as text cells, dates as date cells, a bold frozen header', async ({
    assert,
  }) => {
    await richRegister()
    const { file } = await exportMembers({}, 'xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const header = (sheet.getRow(1).values as string[]).slice(1)
    const column = (name: string) => header.indexOf(name) + 1
    const kommune = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((row) => row.getCell(column('Navn')).value === 'Eksempelby Kommune')!
    assert.strictEqual(kommune.getCell(column('EAN')).value, '5798000123458')
    assert.strictEqual(kommune.getCell(column('Postnr')).value, '0800')
    assert.equal(kommune.getCell(column('EAN')).numFmt, '@')
    assert.instanceOf(kommune.getCell(column('Indmeldt')).value, Date)
    assert.equal(
      (kommune.getCell(column('Indmeldt')).value as Date).toISOString().slice(0, 10),
      '2024-03-01'
    )
    assert.isTrue(sheet.getRow(1).getCell(1).font?.bold)
    assert.equal(sheet.views[0]?.state, 'frozen')
  })
})
