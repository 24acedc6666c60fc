import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { IssueDuesInvoices } from '#dues/actions/issue_dues_invoices'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { Actors } from '#audit/actor'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'

const actor = Actors.system('test')

test('a buyer reference is lacking only where there is an EAN and no reference', ({ assert }) => {
  assert.isTrue(lacksBuyerReference({ ean: '5798005770015', invoiceReference: null }))
  assert.isTrue(lacksBuyerReference({ ean: '5798005770015', invoiceReference: '  ' }))
  assert.isFalse(lacksBuyerReference({ ean: '5798005770015', invoiceReference: 'Ordre 4711' }))
  assert.isFalse(lacksBuyerReference({ ean: null, invoiceReference: null }))
  assert.isFalse(lacksBuyerReference({ ean: ' ', invoiceReference: null }))
})

test.group('Issuing: what is checked and frozen at issue', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an EAN member without a reference is issued only when confirmed', async ({ assert }) => {
    await sellerSettings()
    const { year, organisations } = await tierWithMembers()
    const [kommune] = organisations
    kommune.merge({ ean: '5798005770015', invoiceReference: null })
    await kommune.save()

    const refused = await new IssueDuesInvoice().handle({ organisationId: kommune.id, year }, actor)
    assert.deepEqual(refused, { status: 'no_reference' })
    const run = await new IssueDuesInvoices().handle({ year, mail: false }, actor)
    assert.deepEqual(run.skipped, [{ organisation: kommune.name, reason: 'no_reference' }])
    assert.lengthOf(await Invoice.all(), 0)

    const confirmed = await new IssueDuesInvoices().handle(
      { year, mail: false, withoutReference: true },
      actor
    )
    assert.lengthOf(confirmed.issued, 1)
    assert.deepEqual(confirmed.skipped, [])
  })

  test('with a creditor number the invoice keeps its payment ID; the credit note has none', async ({
    assert,
  }) => {
    await sellerSettings({ fiCreditorNo: '81234567' })
    const { year, organisations } = await tierWithMembers()
    const result = await new IssueDuesInvoice().handle(
      { organisationId: organisations[0].id, year },
      actor
    )
    if (result.status !== 'issued') throw new Error(result.status)
    const { invoice } = result
    assert.deepEqual(invoice.document.fik, {
      paymentId: fikPaymentIdFor(invoice.number),
      creditorNo: '81234567',
    })

    // A later change of the setting leaves the issued invoice as it was.
    await sellerSettings({ fiCreditorNo: null })
    const reloaded = await Invoice.findOrFail(invoice.id)
    assert.equal(reloaded.document.fik?.creditorNo, '81234567')

    const credited = await new CreditInvoice().handle(
      { invoiceId: invoice.id, reason: null },
      actor
    )
    if (credited.status !== 'credited') throw new Error(credited.status)
    assert.isNull(credited.creditNote.document.fik)
    assert.equal(credited.creditNote.signedTotalOre, -invoice.totalOre)
    assert.equal(credited.creditNote.signed(0), 0)
    assert.equal(invoice.signedTotalOre, invoice.totalOre)
  })
})
