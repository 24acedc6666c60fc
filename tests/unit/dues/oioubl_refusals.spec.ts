import { test } from '@japa/runner'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { formatOre, renderOioubl } from '#dues/documents/oioubl'
import { publicInvoice, refusal, withBuyer } from '#tests/unit/dues/oioubl_documents'

test.group('OIOUBL: refusals', () => {
  test('a buyer without an EAN gets no file', ({ assert }) => {
    assert.equal(
      refusal(() => renderOioubl(withBuyer({ ean: null }))),
      'no_ean'
    )
    assert.equal(
      refusal(() => renderOioubl(withBuyer({ ean: '  ' }))),
      'no_ean'
    )
  })

  test('an EAN with a wrong check digit is refused', ({ assert }) => {
    assert.equal(
      refusal(() => renderOioubl(withBuyer({ ean: '5798005770016' }))),
      'invalid_ean'
    )
  })

  test('a buyer without an order or person reference is refused', ({ assert }) => {
    assert.equal(
      refusal(() => renderOioubl(withBuyer({ reference: null }))),
      'no_reference'
    )
  })

  test('a seller without a valid CVR or a bank account is refused', ({ assert }) => {
    const document = publicInvoice()
    assert.equal(
      refusal(() => renderOioubl({ ...document, seller: { ...document.seller, cvr: '12345678' } })),
      'invalid_seller_cvr'
    )
    assert.equal(
      refusal(() =>
        renderOioubl({ ...document, seller: { ...document.seller, bankAccountNo: null } })
      ),
      'no_bank_account'
    )
  })

  test('totals that disagree with the lines never become a file', ({ assert }) => {
    const taxed = {
      vat: { exempt: false as const, ratePercent: 25 },
      vatOre: 31250,
      totalOre: 156250,
    }
    const line = publicInvoice().lines[0]
    const wrong: Partial<InvoiceDocument>[] = [
      { netOre: 120000, totalOre: 120000 },
      { totalOre: 125001 },
      { vatOre: 100, totalOre: 125100 },
      { ...taxed, vatOre: 31000, totalOre: 156000 },
      { lines: [{ ...line, quantity: 2 }] },
      { lines: [] },
    ]
    for (const changes of wrong) {
      assert.equal(
        refusal(() => renderOioubl(publicInvoice(changes))),
        'totals_disagree'
      )
    }
  })
})

test('formatOre writes whole øre as kroner with two decimals', ({ assert }) => {
  assert.equal(formatOre(125000), '1250.00')
  assert.equal(formatOre(5), '0.05')
  assert.equal(formatOre(123456), '1234.56')
  assert.equal(formatOre(0), '0.00')
})
