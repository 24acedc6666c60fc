import { test } from '@japa/runner'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { OioublError, renderOioubl } from '#dues/documents/oioubl'
import { SCHEMATRON, describeErrors, schematronErrors } from '#tests/helpers/oioubl_schematron'
import {
  FIK,
  childElements,
  creditNote,
  fikInvoice,
  find,
  one,
  parse,
  publicInvoice,
  text,
  withBuyer,
} from '#tests/unit/dues/oioubl_documents'
import { databaseFree } from '#tests/helpers/database_free'

function refusal(attempt: () => unknown) {
  try {
    attempt()
  } catch (error) {
    if (error instanceof OioublError) return error.reason
    throw error
  }
  throw new Error('the document was rendered, not refused')
}

test.group('OIOUBL: FI-kort +71 as PaymentMeans 93', (group) => {
  databaseFree(group)
  test('pays by FI-kort +71 as PaymentMeans 93 when the invoice has a payment ID', ({ assert }) => {
    const root = parse(renderOioubl(fikInvoice()))
    const means = one(root, 'cac:PaymentMeans')
    assert.deepEqual(
      childElements(means).map((element) => element.localName),
      [
        'PaymentMeansCode',
        'PaymentDueDate',
        'PaymentChannelCode',
        'InstructionID',
        'PaymentID',
        'CreditAccount',
      ]
    )
    assert.equal(text(means, 'cbc:PaymentMeansCode'), '93')
    assert.equal(text(means, 'cbc:PaymentDueDate'), '2026-02-14')
    const channel = one(means, 'cbc:PaymentChannelCode')
    assert.equal(channel.textContent, 'DK:FIK')
    assert.equal(channel.getAttribute('listID'), 'urn:oioubl:codelist:paymentchannelcode-1.1')
    assert.equal(text(means, 'cbc:InstructionID'), '000000202600011')
    const cardType = one(means, 'cbc:PaymentID')
    assert.equal(cardType.textContent, '71')
    assert.equal(cardType.getAttribute('schemeID'), 'urn:oioubl:id:paymentid-1.1')
    assert.equal(text(means, 'cac:CreditAccount/cbc:AccountID'), '81234567')
    assert.lengthOf(find(root, 'cac:PaymentMeans'), 1)
  })

  test('needs no bank account when paid by FI-kort', ({ assert }) => {
    const document = fikInvoice()
    const root = parse(
      renderOioubl({
        ...document,
        seller: { ...document.seller, bankRegNo: null, bankAccountNo: null },
      })
    )
    assert.equal(text(root, 'cac:PaymentMeans/cbc:PaymentMeansCode'), '93')
    assert.lengthOf(find(root, 'cac:PaymentMeans/cac:PayeeFinancialAccount'), 0)
  })

  test('an FI line that is not one is refused rather than sent', ({ assert }) => {
    assert.equal(
      refusal(() => renderOioubl(fikInvoice({ fik: { ...FIK, paymentId: '000000202600012' } }))),
      'invalid_fik'
    )
    assert.equal(
      refusal(() => renderOioubl(fikInvoice({ fik: { ...FIK, creditorNo: '71234567' } }))),
      'invalid_fik'
    )
  })
})

/*
 * The official OIOUBL schematron (tests/fixtures/oioubl) over each variant
 * Kreds issues: invoice and credit note, VAT-exempt and taxed, bank transfer
 * (42) and FI-kort (93).
 */
test.group('OIOUBL: the official schematron', (group) => {
  databaseFree(group)
  const taxed = {
    vat: { exempt: false as const, ratePercent: 25 },
    vatOre: 31250,
    totalOre: 156250,
  }
  const withoutAccount = (document: InvoiceDocument) => ({
    ...document,
    seller: { ...document.seller, bankRegNo: null, bankAccountNo: null },
  })
  const variants: { name: string; document: InvoiceDocument }[] = [
    { name: 'an exempt invoice by bank transfer', document: publicInvoice() },
    { name: 'a taxed invoice by bank transfer', document: publicInvoice(taxed) },
    { name: 'an invoice by FI-kort', document: fikInvoice() },
    {
      name: 'a taxed invoice by FI-kort, no bank account',
      document: withoutAccount(fikInvoice(taxed)),
    },
    { name: 'an invoice to a buyer without CVR', document: withBuyer({ cvr: null }) },
    { name: 'a credit note', document: creditNote() },
    {
      name: 'a taxed credit note with a reason',
      document: { ...creditNote(), ...taxed, note: 'Medlemskabet er opsagt' },
    },
  ]

  test('passes: {name}')
    .with(variants)
    .run(async ({ assert }, variant) => {
      const errors = await schematronErrors(renderOioubl(variant.document))
      assert.deepEqual(errors, [], describeErrors(errors))
    })
    .skip(SCHEMATRON.skip, SCHEMATRON.reason)

  test('catches a payment ID of the wrong length, so a pass means something', async ({
    assert,
  }) => {
    const broken = renderOioubl(fikInvoice()).replace('000000202600011', '00000020260001')
    const errors = await schematronErrors(broken)
    assert.deepEqual(
      errors.map((error) => error.rule),
      ['F-LIB156']
    )
  }).skip(SCHEMATRON.skip, SCHEMATRON.reason)
})
