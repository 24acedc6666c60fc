import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ParsedMail } from 'mailparser'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import Invoice from '#dues/models/invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { formatDate } from '#shared/formatting'
import { UserFactory } from '#database/factories/user_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import { runFormOf, submitRun } from '#tests/functional/dues/run_flow'
import {
  BUYER_CVRS,
  SELLER_CVR,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

function pdfOf(message: ParsedMail) {
  const pdfs = message.attachments.filter((file) => file.contentType === 'application/pdf')
  if (pdfs.length !== 1) throw new Error(`expected one PDF, found ${pdfs.length}`)
  return pdfs[0]
}

/** PDF.js may split or join runs on one line; the words are what a reader sees. */
function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

/**
 * The treasurer's dues run: the confirmation page, its form confirmed when it
 * offers one, and the run's result page (the sync queue has finished it by then).
 */
async function generate(client: ApiClient, user: User, year = thisYear()) {
  const page = await client.get(`/dues/generate?year=${year}`).loginAs(user).redirects(0)
  const planned = foldSpace(page.text())
  if (page.status() !== 200 || !planned.includes('data-testid="run-confirm"')) {
    return { page, planned, response: null, result: '' }
  }
  const response = await submitRun(client, user, 'generate', runFormOf(page.text()))
  const result = await client.get(response.header('location')!).loginAs(user)
  return { page, planned, response, result: foldSpace(result.text()) }
}

test.group('Dues: issuing the year’s invoices', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('one invoice per active member with a tier and fee, each mailed with its PDF', async ({
    client,
    assert,
  }) => {
    const settings = await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const year = thisYear()
    const alfa = await member(tier, {
      name: 'Alfa Forening',
      cvr: BUYER_CVRS[0],
      primaryEmail: 'formand@alfa.example.org',
      billingEmail: 'bogholderi@alfa.example.org',
    })
    const beta = await member(tier, {
      name: 'Beta Forening',
      cvr: BUYER_CVRS[1],
      primaryEmail: 'lene@beta.example.org',
    })
    await member(tier, { name: 'Ansøger ApS', state: 'applicant', primaryEmail: 'a@example.org' })
    await member(tier, {
      name: 'Udmeldt Forening',
      state: 'resigned',
      primaryEmail: 'u@example.org',
    })
    await member(null, { name: 'Uden Gruppe', primaryEmail: 'ingen@example.org' })

    const run = await generate(client, treasurer, year)
    assert.include(run.planned, 'Udsteder 2 fakturaer, i alt 2.500,00 kr., til:')
    assert.match(run.planned, /Uden Gruppe <\/a> <\/td> <td>ingen kontingentgruppe/)
    run.response!.assertStatus(302)
    assert.match(run.response!.header('location')!, /^\/dues\/runs\/\d+$/)
    assert.include(run.result, 'Færdig: 2 af 2')

    const invoices = await Invoice.query().orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => [invoice.organisationId, invoice.number, invoice.totalOre]),
      [
        [alfa.organisation.id, `${year}-0001`, 125_000],
        [beta.organisation.id, `${year}-0002`, 125_000],
      ]
    )
    assert.isTrue(invoices.every((invoice) => invoice.kind === 'invoice' && invoice.year === year))

    // The billing contact gets the invoice, not the primary; without one, the primary does.
    assert.lengthOf(catcher.messages, 2)
    const toAlfa = catcher.messages.filter((m) => recipientsOf(m).includes('alfa.example.org'))
    assert.lengthOf(toAlfa, 1)
    assert.include(recipientsOf(toAlfa[0]), 'bogholderi@alfa.example.org')
    assert.notInclude(recipientsOf(toAlfa[0]), 'formand@alfa.example.org')
    const toBeta = await catcher.waitFor((m) => recipientsOf(m).includes('lene@beta.example.org'))
    assert.equal(toAlfa[0].subject, `Faktura ${year}-0001 fra Social Talks`)
    assert.equal(toBeta.subject, `Faktura ${year}-0002 fra Social Talks`)

    const dueDate = formatDate(danishToday().plus({ days: settings.invoiceDueDays }))
    assert.match(dueDate, /^\d{1,2}\. [a-zæøå]+ \d{4}$/)
    for (const [message, number, cvr] of [
      [toAlfa[0], `${year}-0001`, BUYER_CVRS[0]],
      [toBeta, `${year}-0002`, BUYER_CVRS[1]],
    ] as const) {
      const attachment = pdfOf(message)
      assert.equal(attachment.filename, `faktura-${number}.pdf`)
      assert.equal(attachment.content.subarray(0, 5).toString(), '%PDF-')
      const text = words(await pdfText(attachment.content))
      assert.include(text, number)
      assert.include(text, SELLER_CVR)
      assert.include(text, cvr)
      assert.include(text, '1.250,00')
      assert.include(text, dueDate)
      assert.include(text, `Kontingent ${year}, Organisationer`)
    }
    // Each PDF is its own buyer's: Beta's CVR is not on Alfa's invoice.
    assert.notInclude(words(await pdfText(pdfOf(toAlfa[0]).content)), BUYER_CVRS[1])
  })

  test('a second run issues nothing; a member made active later gets theirs next time, numbered without gaps', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee()
    const year = thisYear()
    for (const name of ['Alfa', 'Beta', 'Gamma']) {
      await member(tier, { name, primaryEmail: `${name.toLowerCase()}@example.org` })
    }
    const late = await member(tier, {
      name: 'Delta',
      state: 'applicant',
      primaryEmail: 'delta@example.org',
    })

    assert.include((await generate(client, treasurer)).result, 'Færdig: 3 af 3')
    assert.lengthOf(catcher.messages, 3)

    const second = await generate(client, treasurer)
    assert.include(second.planned, `Der er ingen fakturaer at udstede for ${year}.`)
    assert.include(second.planned, '3 medlemmer har allerede deres faktura for året')
    assert.isNull(second.response)
    assert.lengthOf(await Invoice.all(), 3)
    assert.lengthOf(catcher.messages, 3, 'no invoice is mailed twice')

    late.organisation.merge({ status: 'active', joinedOn: danishToday() })
    await late.organisation.save()
    const third = await generate(client, treasurer)
    assert.include(third.planned, '3 medlemmer har allerede deres faktura for året')
    assert.include(third.result, 'Færdig: 1 af 1')
    const lateInvoice = await Invoice.findByOrFail('organisation_id', late.organisation.id)
    assert.equal(lateInvoice.number, `${year}-0004`)
    await catcher.waitFor((m) => recipientsOf(m).includes('delta@example.org'))
    assert.lengthOf(catcher.messages, 4)

    const invoices = await Invoice.query().orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => invoice.number),
      [1, 2, 3, 4].map((n) => `${year}-000${n}`)
    )
    assert.deepEqual(
      invoices.map((invoice) => invoice.sequence),
      [1, 2, 3, 4]
    )
    assert.equal(new Set(invoices.map((invoice) => invoice.organisationId)).size, 4)
    const series = await db.from('invoice_series').where('code', `F${year}`).firstOrFail()
    assert.equal(Number(series.last_number), 4)
  })

  test('with proration by quarters, a member who joined in May pays three quarters', async ({
    client,
    assert,
  }) => {
    await sellerSettings({ duesProration: 'quarters' })
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const year = thisYear()
    const newcomer = await member(tier, {
      name: 'Ny Forening',
      primaryEmail: 'ny@example.org',
      merge: { joinedOn: DateTime.fromISO(`${year}-05-10`) },
    })
    const founder = await member(tier, { name: 'Gammel Forening', primaryEmail: 'g@example.org' })

    assert.include((await generate(client, treasurer)).result, 'Færdig: 2 af 2')
    const partial = await Invoice.findByOrFail('organisation_id', newcomer.organisation.id)
    assert.strictEqual(partial.totalOre, 93_750)
    assert.equal(
      partial.document.lines[0].description,
      `Kontingent ${year}, Organisationer (3/4 år)`
    )
    assert.deepEqual(partial.document.lines[0].period, {
      start: `${year}-04-01`,
      end: `${year}-12-31`,
    })
    const full = await Invoice.findByOrFail('organisation_id', founder.organisation.id)
    assert.strictEqual(full.totalOre, 125_000)
    const mail = await catcher.waitFor((m) => recipientsOf(m).includes('ny@example.org'))
    assert.include(words(await pdfText(pdfOf(mail).content)), '937,50')
  })

  test('a tier without a fee for the year is reported, not invoiced', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const lastYearOnly = await tierWithFee('Gammel gruppe', 100_000, thisYear() - 1)
    await member(lastYearOnly, { name: 'Uden Sats', primaryEmail: 'x@example.org' })

    const run = await generate(client, treasurer)
    assert.include(run.planned, `Der er ingen fakturaer at udstede for ${thisYear()}.`)
    assert.match(run.planned, /Uden Sats <\/a> <\/td> <td>intet kontingent sat for året/)
    assert.isNull(run.response)
    assert.lengthOf(await Invoice.all(), 0)
    assert.lengthOf(catcher.messages, 0)
  })

  test('the overview page offers the run to the treasurer, not to the board', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const board = await UserFactory.apply('board').create()
    const year = thisYear()
    const asTreasurer = await client.get(`/dues?year=${year}`).loginAs(treasurer)
    asTreasurer.assertStatus(200)
    asTreasurer.assertTextIncludes(`Udsted fakturaer for ${year}`)
    const asBoard = await client.get(`/dues?year=${year}`).loginAs(board)
    asBoard.assertStatus(200)
    assert.notInclude(asBoard.text(), 'action="/dues/generate"')
  })

  test('the board and the secretariat may not issue; a bad year is refused', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee()
    await member(tier, { name: 'Alfa', primaryEmail: 'alfa@example.org' })

    const board = await UserFactory.apply('board').create()
    ;(await generate(client, board)).page.assertStatus(403)
    const secretariat = await UserFactory.apply('secretariat').create()
    ;(await generate(client, secretariat)).page.assertStatus(403)
    assert.lengthOf(await Invoice.all(), 0)

    const treasurer = await UserFactory.apply('treasurer').create()
    const confirmation = await client.get(`/dues/generate?year=${thisYear()}`).loginAs(treasurer)
    const badYear = await submitRun(client, treasurer, 'generate', {
      ...runFormOf(confirmation.text()),
      year: '1999',
    })
    badYear.assertStatus(302)
    badYear.assertFlashMessage('inputErrorsBag', { year: ['Skal være mindst 2000.'] })
    assert.lengthOf(await Invoice.all(), 0)
    assert.lengthOf(catcher.messages, 0)
  })
})
