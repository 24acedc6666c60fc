import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { DateTime } from 'luxon'
import type Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import AuditEvent from '#audit/models/audit_event'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { formatDate } from '#shared/formatting'
import { UserFactory } from '#database/factories/user_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import { confirmRun, openConfirmation } from '#tests/functional/dues/run_flow'
import {
  BUYER_CVRS,
  asBytes,
  issueInvoice,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

async function pay(invoice: Invoice, amountOre: number, paidOn: DateTime = danishToday()) {
  return Payment.create({
    invoiceId: invoice.id,
    amountOre,
    paidOn,
    method: 'bank_transfer',
    note: null,
    recordedBy: 'test',
  })
}

/** Day-first, as the bookkeeper's CSV writes dates. */
function csvDate(date: DateTime) {
  return date.toFormat('dd-MM-yyyy')
}

test.group('Dues: reminders', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('an overdue invoice gets rykker 1 with the fee and the PDF; the same day, no second; paid and current ones get none', async ({
    client,
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 5_000 })
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const fortyDaysAgo = danishToday().minus({ days: 40 })
    const late = await member(tier, {
      name: 'Alfa Forening',
      cvr: BUYER_CVRS[0],
      primaryEmail: 'formand@alfa.example.org',
      billingEmail: 'bogholder@alfa.example.org',
    })
    const paid = await member(tier, { name: 'Beta Forening', primaryEmail: 'beta@example.org' })
    const current = await member(tier, { name: 'Gamma', primaryEmail: 'gamma@example.org' })
    const overdue = await issueInvoice(late.organisation, { issueDate: fortyDaysAgo })
    const paidInvoice = await issueInvoice(paid.organisation, { issueDate: fortyDaysAgo })
    await pay(paidInvoice, 125_000)
    const currentInvoice = await issueInvoice(current.organisation)
    assert.isTrue(overdue.dueDate! < danishToday())

    const { runId } = await confirmRun(client, treasurer, 'remind')
    const result = await client.get(`/dues/runs/${runId}`).loginAs(treasurer)
    assert.include(foldSpace(result.text()), 'Færdig: 1 af 1')

    const reminders = await Reminder.all()
    assert.lengthOf(reminders, 1)
    assert.equal(reminders[0].invoiceId, overdue.id)
    assert.equal(reminders[0].level, 1)
    assert.strictEqual(reminders[0].feeOre, 5_000)
    assert.equal(reminders[0].sentOn.toISODate(), danishToday().toISODate())
    assert.equal(reminders[0].sentTo, 'bogholder@alfa.example.org')
    assert.exists(
      await AuditEvent.query().where('module', 'dues').where('action', 'reminder.sent').first()
    )

    assert.lengthOf(catcher.messages, 1)
    const message = catcher.messages[0]
    assert.include(recipientsOf(message), 'bogholder@alfa.example.org')
    assert.equal(message.subject, `Rykker 1 for faktura ${overdue.number}`)
    const text = foldSpace(message.text!)
    assert.include(text, 'Dette er rykker 1.')
    assert.include(text, 'Udestående beløb: 1.300,00 kr.')
    assert.include(text, 'Der er lagt et rykkergebyr på 50,00 kr. til beløbet.')
    const attachment = message.attachments.find((file) => file.contentType === 'application/pdf')
    assert.exists(attachment)
    assert.equal(attachment!.filename, `faktura-${overdue.number}.pdf`)
    assert.include(await pdfText(attachment!.content), overdue.number)

    const again = await openConfirmation(client, treasurer, 'remind')
    again.assertTextIncludes('Ingen fakturaer skal rykkes i dag.')
    assert.lengthOf(await Reminder.all(), 1)
    assert.lengthOf(catcher.messages, 1)

    const page = await client.get(`/dues/invoices/${overdue.id}`).loginAs(treasurer)
    const html = foldSpace(page.text())
    assert.include(html, 'data-testid="reminders"')
    assert.include(
      html,
      `Rykker 1 sendt ${formatDate(danishToday())} til bogholder@alfa.example.org`
    )
    assert.include(html, 'Rykkergebyr, rykker 1')
    assert.match(html, /data-testid="invoice-status">\s*forfalden\s*</)
    assert.match(html, /data-testid="balance">\s*<strong>1\.300,00 kr\.<\/strong>/)

    for (const invoice of [paidInvoice, currentInvoice]) {
      const other = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
      other.assertTextIncludes('Ingen rykkere.')
    }
  })

  test('a credited overdue invoice gets no reminder', async ({ client, assert }) => {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee()
    const { organisation } = await member(tier, { name: 'Alfa', primaryEmail: 'a@example.org' })
    const invoice = await issueInvoice(organisation, {
      issueDate: danishToday().minus({ days: 40 }),
    })
    await new CreditInvoice().handle({ invoiceId: invoice.id, reason: null }, Actors.system('t'))

    const page = await openConfirmation(client, treasurer, 'remind')
    page.assertTextIncludes('Ingen fakturaer skal rykkes i dag.')
    assert.notInclude(page.text(), 'data-testid="run-confirm"')
    assert.lengthOf(await Reminder.all(), 0)
    assert.lengthOf(catcher.messages, 0)
  })
})

test.group('Dues: the overview and the bookkeeper’s CSV', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /**
   * Alfa overdue and partly paid, Beta paid, Gamma open, Delta credited.
   * Issued in that order, so their numbers are 0001 to 0004.
   */
  async function yearOfDues() {
    await sellerSettings()
    const tier = await tierWithFee('Organisationer', 125_000)
    const fortyDaysAgo = danishToday().minus({ days: 40 })
    const alfa = await member(tier, { name: 'Alfa Forening', cvr: BUYER_CVRS[0] })
    const beta = await member(tier, { name: 'Beta Forening', cvr: BUYER_CVRS[1] })
    const gamma = await member(tier, { name: 'Gamma; Søn & Co' })
    const delta = await member(tier, { name: 'Delta Forening', cvr: BUYER_CVRS[2] })
    const alfaInvoice = await issueInvoice(alfa.organisation, { issueDate: fortyDaysAgo })
    const betaInvoice = await issueInvoice(beta.organisation)
    const gammaInvoice = await issueInvoice(gamma.organisation)
    const deltaInvoice = await issueInvoice(delta.organisation)
    const firstPayment = danishToday().minus({ days: 5 })
    await pay(alfaInvoice, 50_000, firstPayment)
    await pay(betaInvoice, 25_000, danishToday().minus({ days: 3 }))
    await pay(betaInvoice, 100_000, danishToday())
    const credit = await new CreditInvoice().handle(
      { invoiceId: deltaInvoice.id, reason: null },
      Actors.system('test')
    )
    if (credit.status !== 'credited') throw new Error(credit.status)
    return {
      alfaInvoice,
      betaInvoice,
      gammaInvoice,
      deltaInvoice,
      creditNote: credit.creditNote,
      firstPayment,
    }
  }

  test('the overview shows invoiced, paid, outstanding and overdue, and who has not paid', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const { alfaInvoice, betaInvoice, gammaInvoice, deltaInvoice } = await yearOfDues()
    const year = thisYear()

    const response = await client.get(`/dues?year=${year}`).loginAs(board)
    response.assertStatus(200)
    const html = foldSpace(response.text())
    assert.include(html, `Kontingent ${year}`)
    const figures = html.match(/data-testid="dues-figures">(.*?)<\/div> <\/div>/)?.[1] ?? ''
    // The credited invoice counts for nothing; Alfa owes 750, Gamma 1.250.
    assert.include(
      figures,
      '<strong>3.750,00 kr.</strong> <span class="muted">faktureret (3 fakturaer)</span>'
    )
    assert.include(figures, '<strong>1.750,00 kr.</strong> <span class="muted">Betalt</span>')
    assert.include(figures, '<strong>2.000,00 kr.</strong> <span class="muted">Udestående</span>')
    assert.include(figures, '<strong>750,00 kr.</strong> <span class="muted">Forfaldent</span>')

    const unpaid = html.match(/<table data-testid="unpaid">(.*?)<\/table>/)?.[1] ?? ''
    assert.include(unpaid, `>${alfaInvoice.number}</a>`)
    assert.include(unpaid, `>${gammaInvoice.number}</a>`)
    assert.notInclude(unpaid, `>${betaInvoice.number}</a>`)
    assert.notInclude(unpaid, `>${deltaInvoice.number}</a>`)
    assert.include(unpaid, 'forfalden')
    assert.include(unpaid, '750,00 kr.')

    const tiers = html.match(/<table data-testid="tiers">(.*?)<\/table>/)?.[1] ?? ''
    assert.match(tiers, /<td>Organisationer<\/td> <td class="num">3<\/td>/)
    assert.include(html, 'data-testid="tier-chart"')

    const empty = await client.get(`/dues?year=${year - 1}`).loginAs(board)
    empty.assertTextIncludes(`Der er ikke udstedt fakturaer for ${year - 1} endnu.`)
  })

  test('the export is Danish Excel CSV: BOM, semicolons, CRLF, decimal commas, credit notes negative', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const invoices = await yearOfDues()
    const year = thisYear()

    const response = await asBytes(client.get(`/dues/export?year=${year}`).loginAs(treasurer))
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.include(
      response.header('content-disposition'),
      `attachment; filename="kontingent-${year}.csv"`
    )
    const bytes = response.body() as Buffer
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    assert.isTrue(text.endsWith('\r\n'))
    const lines = text.split('\r\n').slice(0, -1)
    assert.isFalse(
      lines.some((line) => line.includes('\n')),
      'no bare LF'
    )

    const today = csvDate(danishToday())
    assert.deepEqual(lines, [
      'Fakturanummer;Dato;Medlem;CVR;Beløb;Moms;Betalt;Betalt dato',
      `${invoices.alfaInvoice.number};${csvDate(danishToday().minus({ days: 40 }))};Alfa Forening;${BUYER_CVRS[0]};1250,00;0,00;500,00;${csvDate(invoices.firstPayment)}`,
      `${invoices.betaInvoice.number};${today};Beta Forening;${BUYER_CVRS[1]};1250,00;0,00;1250,00;${today}`,
      `${invoices.gammaInvoice.number};${today};"Gamma; Søn & Co";;1250,00;0,00;0,00;`,
      `${invoices.deltaInvoice.number};${today};Delta Forening;${BUYER_CVRS[2]};1250,00;0,00;0,00;`,
      `${invoices.creditNote.number};${today};Delta Forening;${BUYER_CVRS[2]};-1250,00;0,00;;`,
    ])
    assert.equal(invoices.creditNote.number, `K${year}-0001`)

    const board = await UserFactory.apply('board').create()
    const asBoard = await asBytes(client.get(`/dues/export?year=${year}`).loginAs(board))
    asBoard.assertStatus(200)
    assert.deepEqual(asBoard.body(), bytes)

    const otherYear = await asBytes(client.get(`/dues/export?year=${year - 1}`).loginAs(treasurer))
    assert.equal(
      (otherYear.body() as Buffer).subarray(3).toString('utf8'),
      'Fakturanummer;Dato;Medlem;CVR;Beløb;Moms;Betalt;Betalt dato\r\n'
    )

    const badYear = await client.get('/dues/export?year=tyve').loginAs(treasurer).redirects(0)
    badYear.assertStatus(302)
    assert.notMatch(badYear.header('content-type') ?? '', /csv/)
  })
})
