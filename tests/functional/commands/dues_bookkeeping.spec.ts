import { test } from '@japa/runner'
import { cleanUpDuesAfterEach } from '#tests/helpers/dues_records'
import { mkdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import Payment from '#dues/models/payment'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

/* The command runs as its own process, outside any test transaction: this group cleans up. */
test.group('node ace dues:bookkeeping', (group) => {
  commandLayerOnce(group)
  cleanUpDuesAfterEach(group)
  const folder = app.tmpPath('dues-bookkeeping-files')

  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    return () => rm(folder, { recursive: true, force: true })
  })

  test('writes the day book as CSV and .xlsx by the file name, a part payment on its own date', async ({
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee('Organisationer', 125_000)
    const { organisation } = await member(tier, { name: 'Alfa Forening' })
    const today = danishToday()
    const invoice = await issueInvoice(organisation, { issueDate: today })
    await Payment.create({
      invoiceId: invoice.id,
      amountOre: 50_000,
      paidOn: today,
      method: 'bank_transfer',
      note: null,
      recordedBy: 'test',
    })
    const from = today.startOf('year').toISODate()!
    const to = today.toISODate()!
    const csvFile = `${folder}/bogfoering.csv`

    const csv = await runAce(['dues:bookkeeping', from, to, csvFile])
    assert.equal(csv.code, 0, csv.stdout + csv.stderr)
    assert.include(csv.stdout, `Wrote 2 vouchers to ${csvFile}`)
    const bytes = await readFile(csvFile)
    const day = today.toFormat('dd-MM-yyyy')
    assert.equal(
      bytes.toString('utf8'),
      '\uFEFFDato;Bilag;Tekst;Konto;Modkonto;Beløb\r\n' +
        `${day};1;Faktura ${invoice.number} Alfa Forening;5600;1010;1.250,00\r\n` +
        `${day};2;Indbetaling, faktura ${invoice.number} Alfa Forening;5820;5600;500,00\r\n`
    )
    const fromCsv = await readSpreadsheet(bytes, 'bogfoering.csv')

    const xlsxFile = `${folder}/bogfoering.xlsx`
    const xlsx = await runAce(['dues:bookkeeping', from, to, xlsxFile, '--first-voucher=101'])
    assert.equal(xlsx.code, 0, xlsx.stdout + xlsx.stderr)
    const fromXlsx = await readSpreadsheet(await readFile(xlsxFile), 'bogfoering.xlsx')
    assert.deepEqual(fromXlsx.headers, fromCsv.headers)
    assert.deepEqual(
      fromXlsx.rows.map((row) => [row.values.Dato, row.values.Bilag, row.values.Beløb]),
      [
        [to, '101', '1250'],
        [to, '102', '500'],
      ]
    )
  }).timeout(60_000)

  test('bad dates, a range backwards, an unknown file type or an unwritable path exit 1', async ({
    assert,
  }) => {
    const cases: [string[], string][] = [
      [
        ['2026-13-01', '2026-12-31', `${folder}/a.csv`],
        'The first day must be a date as YYYY-MM-DD',
      ],
      [
        ['2026-01-01', '31-12-2026', `${folder}/a.csv`],
        'The last day must be a date as YYYY-MM-DD',
      ],
      [['2026-12-31', '2026-01-01', `${folder}/a.csv`], 'comes before the first day'],
      [['2026-01-01', '2026-12-31', `${folder}/a.pdf`], 'The file must end in .csv or .xlsx'],
      [['2026-01-01', '2026-12-31', `${folder}/none/a.csv`], 'Cannot write the file'],
      [
        ['2026-01-01', '2026-12-31', `${folder}/a.csv`, '--first-voucher=0'],
        'The first voucher number must be a whole number from 1',
      ],
    ]
    for (const [argv, message] of cases) {
      const result = await runAce(['dues:bookkeeping', ...argv])
      assert.equal(result.code, 1, argv.join(' '))
      assert.include(result.stdout + result.stderr, message)
    }
    await assert.rejects(() => readFile(`${folder}/a.csv`))
  }).timeout(120_000)
})
