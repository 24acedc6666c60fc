import { test } from '@japa/runner'
import { cleanUpDuesAfterEach } from '#tests/helpers/dues_records'
import { mkdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import Reminder from '#dues/models/reminder'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { commandLayerOnce, runAce } from '#tests/helpers/processes'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import {
  BUYER_CVRS,
  issueInvoice,
  member,
  municipality,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

async function twoMembersAndOneWithoutTier() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  await member(tier, {
    name: 'Alfa Forening',
    cvr: BUYER_CVRS[0],
    primaryEmail: 'alfa@example.org',
  })
  await member(tier, { name: 'Beta Forening', primaryEmail: 'beta@example.org' })
  await member(null, { name: 'Uden Gruppe', primaryEmail: 'uden@example.org' })
  await member(tier, { name: 'Ansøger', state: 'applicant', primaryEmail: 'ans@example.org' })
  return tier
}

/* The commands run as their own processes, outside any test transaction: this group cleans up. */
test.group('node ace dues:generate, dues:remind and dues:export', (group) => {
  commandLayerOnce(group)
  cleanUpDuesAfterEach(group)
  const folder = app.tmpPath('dues-command-files')
  let catcher: MailCatcher
  let env: Record<string, string>

  group.setup(async () => {
    await mkdir(folder, { recursive: true })
    return () => rm(folder, { recursive: true, force: true })
  })
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    env = { SMTP_PORT: String(catcher.port), QUEUE_DRIVER: 'sync', MAIL_MAILER: 'smtp' }
    return () => catcher.stop()
  })

  test('--dry-run lists who would be invoiced and for how much, and issues nothing', async ({
    assert,
  }) => {
    await twoMembersAndOneWithoutTier()
    const year = String(thisYear())

    const dryRun = await runAce(['dues:generate', year, '--dry-run'], { env })
    assert.equal(dryRun.code, 0, dryRun.stdout + dryRun.stderr)
    assert.include(dryRun.stdout, 'Alfa Forening: 1.250,00 kr.')
    assert.include(dryRun.stdout, 'Beta Forening: 1.250,00 kr.')
    assert.notInclude(dryRun.stdout, 'Ansøger')
    assert.include(dryRun.stdout + dryRun.stderr, 'Uden Gruppe: not invoiced, has no tier')
    assert.include(dryRun.stdout, 'Would issue 2 invoices; 0 already invoiced (--dry-run)')
    assert.lengthOf(await Invoice.all(), 0)
    assert.lengthOf(await db.from('invoice_series'), 0)
    // Jobs run inline here (QUEUE_DRIVER=sync) and the catcher holds a message before it
    // accepts it: once the command has exited, every mail there will be has arrived.
    assert.lengthOf(catcher.messages, 0)
  }).timeout(60_000)

  test('issues the year’s invoices and mails them; a second run issues none', async ({
    assert,
  }) => {
    await twoMembersAndOneWithoutTier()
    const year = thisYear()

    const first = await runAce(['dues:generate', String(year)], { env })
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.include(first.stdout, 'Issued 2 invoices; 0 already invoiced')
    assert.include(first.stdout, `${year}-0001  Alfa Forening  1.250,00 kr.`)
    assert.include(first.stdout, `${year}-0002  Beta Forening  1.250,00 kr.`)
    const invoices = await Invoice.query().orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => invoice.number),
      [`${year}-0001`, `${year}-0002`]
    )
    assert.equal(invoices[0].createdBy, `dues:generate ${year}`)

    const toAlfa = await catcher.waitFor((m) => recipientsOf(m).includes('alfa@example.org'))
    await catcher.waitFor((m) => recipientsOf(m).includes('beta@example.org'))
    assert.lengthOf(catcher.messages, 2)
    const pdf = toAlfa.attachments.find((file) => file.contentType === 'application/pdf')
    assert.exists(pdf)
    const text = await pdfText(pdf!.content)
    assert.include(text, `${year}-0001`)
    assert.include(text, BUYER_CVRS[0])

    const second = await runAce(['dues:generate', String(year)], { env })
    assert.equal(second.code, 0, second.stdout + second.stderr)
    assert.include(second.stdout, 'Issued 0 invoices; 2 already invoiced')
    assert.lengthOf(await Invoice.all(), 2)
    assert.lengthOf(catcher.messages, 2)
  }).timeout(60_000)

  test('a year that is not four digits in range exits 1 and issues nothing', async ({ assert }) => {
    await twoMembersAndOneWithoutTier()
    for (const year of ['26', 'tyve', '1999']) {
      const result = await runAce(['dues:generate', year], { env })
      assert.equal(result.code, 1, `${year}: ${result.stdout}${result.stderr}`)
      assert.include(
        result.stdout + result.stderr,
        `The year must be four digits, e.g. 2026, not "${year}"`
      )
    }
    assert.lengthOf(await Invoice.all(), 0)
  }).timeout(60_000)

  test('an EAN member without a reference is named and left out; --without-reference invoices it', async ({
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee()
    await member(tier, { name: 'Alfa Forening', primaryEmail: 'alfa@example.org' })
    await municipality(tier, {
      name: 'Nordby Kommune',
      reference: null,
      email: 'faktura@nordby.example.org',
    })
    const year = String(thisYear())
    const heldBack =
      'Nordby Kommune: not invoiced, it has an EAN but no order or person reference; set it on the member and run again, or pass --without-reference'

    const dryRun = await runAce(['dues:generate', year, '--dry-run'], { env })
    assert.include(dryRun.stdout + dryRun.stderr, heldBack)
    assert.include(dryRun.stdout, 'Would issue 1 invoices; 0 already invoiced (--dry-run)')

    const first = await runAce(['dues:generate', year], { env })
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.include(first.stdout + first.stderr, heldBack)
    assert.include(first.stdout, 'Issued 1 invoices; 0 already invoiced')
    assert.deepEqual(
      (await Invoice.query().preload('organisation')).map((invoice) => invoice.organisation.name),
      ['Alfa Forening']
    )

    const confirmed = await runAce(['dues:generate', year, '--without-reference'], { env })
    assert.equal(confirmed.code, 0, confirmed.stdout + confirmed.stderr)
    assert.notInclude(confirmed.stdout + confirmed.stderr, heldBack)
    assert.include(confirmed.stdout, `${year}-0002  Nordby Kommune  1.250,00 kr.`)
    assert.include(confirmed.stdout, 'Issued 1 invoices; 1 already invoiced')
  }).timeout(60_000)

  test('dues:remind sends the reminders due today, once', async ({ assert }) => {
    await sellerSettings({ reminderFeeOre: 2_500 })
    const tier = await tierWithFee()
    const { organisation } = await member(tier, {
      name: 'Alfa Forening',
      primaryEmail: 'alfa@example.org',
    })

    const none = await runAce(['dues:remind'], { env })
    assert.equal(none.code, 0, none.stdout + none.stderr)
    assert.include(none.stdout, 'Sent 0 reminders')

    const invoice = await issueInvoice(organisation, {
      issueDate: danishToday().minus({ days: 40 }),
    })
    const first = await runAce(['dues:remind'], { env })
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.include(first.stdout, `${invoice.number}  Alfa Forening  reminder 1`)
    assert.include(first.stdout, 'Sent 1 reminders')
    const reminders = await Reminder.query().where('invoice_id', invoice.id)
    assert.lengthOf(reminders, 1)
    assert.strictEqual(reminders[0].feeOre, 2_500)
    const mail = await catcher.waitFor((m) => recipientsOf(m).includes('alfa@example.org'))
    assert.equal(mail.subject, `Rykker 1 for faktura ${invoice.number}`)

    const again = await runAce(['dues:remind'], { env })
    assert.equal(again.code, 0, again.stdout + again.stderr)
    assert.include(again.stdout, 'Sent 0 reminders')
    assert.lengthOf(await Reminder.all(), 1)
    assert.lengthOf(catcher.messages, 1)
  }).timeout(60_000)

  test('dues:export writes the bookkeeper’s CSV; an unwritable path exits 1', async ({
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee()
    const { organisation } = await member(tier, { name: 'Alfa Forening', cvr: BUYER_CVRS[0] })
    const invoice = await issueInvoice(organisation)
    const year = String(thisYear())
    const file = `${folder}/kontingent-${year}.csv`

    const result = await runAce(['dues:export', year, file], { env })
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.include(result.stdout, `Wrote ${file}`)
    const bytes = await readFile(file)
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.equal(
      bytes.subarray(3).toString('utf8'),
      'Fakturanummer;Dato;Medlem;CVR;Beløb;Moms;Betalt;Betalt dato\r\n' +
        `${invoice.number};${danishToday().toFormat('dd-MM-yyyy')};Alfa Forening;${BUYER_CVRS[0]};1250,00;0,00;0,00;\r\n`
    )

    const unwritable = `${folder}/no-such-folder/kontingent.csv`
    const refused = await runAce(['dues:export', year, unwritable], { env })
    assert.equal(refused.code, 1, refused.stdout + refused.stderr)
    assert.include(refused.stdout + refused.stderr, `Cannot write the file ${unwritable}`)

    const badYear = await runAce(['dues:export', 'tyve', `${folder}/x.csv`], { env })
    assert.equal(badYear.code, 1)
    assert.include(badYear.stdout + badYear.stderr, 'The year must be four digits')
    await assert.rejects(() => readFile(`${folder}/x.csv`))
  }).timeout(60_000)
})
