import { test } from '@japa/runner'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { invoicePdfFilename, invoicePdfStream, renderInvoicePdf } from '#dues/documents/invoice_pdf'
import { pdfInfo, pdfText } from '#tests/helpers/pdf_text'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'

const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const exemption = 'Momsfritaget efter momslovens § 13, stk. 1, nr. 4'

function municipalityInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'invoice',
    number: '2026-0042',
    issueDate: '2026-01-15',
    dueDate: '2026-02-15',
    currency: 'DKK',
    seller: {
      name: 'Social Talks',
      address: 'Nørregade 12',
      postcode: '1165',
      city: 'København K',
      country: 'DK',
      cvr: '12345674',
      email: 'kasserer@socialtalks.dk',
      phone: '12 34 56 78',
      bankRegNo: '1234',
      bankAccountNo: '0001234567',
      paymentReference: '2026-0042',
    },
    buyer: {
      name: 'Aarhus Kommune',
      address: 'Rådhuspladsen 2',
      postcode: '8000',
      city: 'Aarhus C',
      country: 'DK',
      cvr: '55133018',
      email: null,
      ean: '5798005770015',
      reference: 'Ordre 4711',
    },
    lines: [
      {
        description: 'Kontingent 2026, kommuner og regioner',
        quantity: 1,
        unitOre: 125000,
        amountOre: 125000,
        period: { start: '2026-01-01', end: '2026-12-31' },
      },
    ],
    vat: { exempt: true, reason: exemption },
    netOre: 125000,
    vatOre: 0,
    totalOre: 125000,
    creditedInvoice: null,
    note: null,
    ...overrides,
  }
}

function creditNote(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return municipalityInvoice({
    kind: 'credit_note',
    number: 'K-2026-0003',
    issueDate: '2026-03-02',
    dueDate: null,
    creditedInvoice: { number: '2026-0042', issueDate: '2026-01-15' },
    ...overrides,
  })
}

/** PDF.js may split or join runs on one line; the words are what a reader sees. */
function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

/** Payment by FI-kort +71 to creditor 81234567, as an invoice issued with the setting carries it. */
function fikInvoice(overrides: Partial<InvoiceDocument> = {}) {
  return municipalityInvoice({
    fik: { paymentId: fikPaymentIdFor('2026-0042'), creditorNo: '81234567' },
    ...overrides,
  })
}

test.group('Invoice PDF', () => {
  test('a municipality invoice carries what a Danish invoice must show', async ({ assert }) => {
    const pdf = await renderInvoicePdf(municipalityInvoice())
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')

    const text = words(await pdfText(pdf))
    assert.include(text, 'Faktura')
    assert.include(text, '2026-0042')
    assert.include(text, 'Fakturadato 15. januar 2026')
    assert.include(text, 'Forfaldsdato 15. februar 2026')
    assert.include(text, 'Social Talks')
    assert.include(text, 'CVR-nr. 12345674')
    assert.include(text, 'Aarhus Kommune')
    assert.include(text, 'CVR-nr. 55133018')
    assert.include(text, 'EAN-nr. 5798005770015')
    assert.include(text, 'Ordre 4711')
    assert.include(text, '1. januar 2026 – 31. december 2026')
    assert.include(text, '1.250,00 kr.')
    assert.match(text, /I alt\s*1\.250,00 kr\./)
    assert.include(text, exemption)
    assert.include(text, 'Betales senest 15. februar 2026 til reg.nr. 1234 konto 0001234567')
    assert.include(text, 'Angiv ved betaling: 2026-0042')
    assert.include(text, 'Side 1 af 1')
  })

  test('without a creditor number there is no FI line: bank account and invoice number', async ({
    assert,
  }) => {
    const text = words(await pdfText(await renderInvoicePdf(municipalityInvoice())))
    assert.notInclude(text, '+71<')
    assert.notInclude(text, 'FI-kort')
    assert.include(text, 'til reg.nr. 1234 konto 0001234567')
  })

  test('with a creditor number the foot of the page carries the +71 code line, explained', async ({
    assert,
  }) => {
    const pdf = await renderInvoicePdf(fikInvoice())
    const lines = (await pdfText(pdf)).split('\n').map((line) => line.trim())
    // The line as a payer copies it: exactly the characters the bank expects, alone on its line.
    assert.include(lines, '+71<000000202600425+81234567<')
    const text = words(lines.join('\n'))
    assert.include(
      text,
      'Betal 1.250,00 kr. i netbanken under »Betal indbetalingskort«: indtast linjen herunder.'
    )
    assert.include(text, 'Betales senest 15. februar 2026 med FI-kort (indbetalingskort)')
    assert.include(text, 'Eller overfør til reg.nr. 1234 konto 0001234567 og angiv: 2026-0042.')
    // The slip comes after everything else on the page, above the footer.
    assert.isBelow(text.indexOf('Betaling'), text.indexOf('+71<'))
    assert.isBelow(text.indexOf('+71<'), text.indexOf('Side 1 af 1'))
  })

  test('an FI invoice without a bank account tells only the FI way to pay', async ({ assert }) => {
    const document = fikInvoice()
    const pdf = await renderInvoicePdf({
      ...document,
      seller: { ...document.seller, bankRegNo: null, bankAccountNo: null },
    })
    const text = words(await pdfText(pdf))
    assert.include(text, '+71<000000202600425+81234567<')
    assert.notInclude(text, 'reg.nr.')
  })

  test('a long invoice puts the slip at the foot of its last page', async ({ assert }) => {
    const lines = Array.from({ length: 80 }, (_, index) => ({
      description: `Linje ${index + 1}`,
      quantity: 1,
      unitOre: 1000,
      amountOre: 1000,
      period: null,
    }))
    const pdf = await renderInvoicePdf(fikInvoice({ lines, netOre: 80000, totalOre: 80000 }))
    const text = words(await pdfText(pdf))
    const pages = Number(/Side 1 af (\d+)/.exec(text)?.[1])
    assert.isAbove(pages, 1)
    const slip = text.indexOf('+71<000000202600425+81234567<')
    assert.isBelow(text.indexOf(`Side ${pages - 1} af ${pages}`), slip)
    assert.isBelow(slip, text.indexOf(`Side ${pages} af ${pages}`))
  })

  test('VAT is shown with its rate when the invoice is not exempt', async ({ assert }) => {
    const pdf = await renderInvoicePdf(
      municipalityInvoice({
        vat: { exempt: false, ratePercent: 25 },
        vatOre: 31250,
        totalOre: 156250,
      })
    )
    const text = words(await pdfText(pdf))
    assert.match(text, /Moms 25 %\s*312,50 kr\./)
    assert.include(text, '1.562,50 kr.')
    assert.notInclude(text, 'Momsfritaget')
  })

  test('a credit note names the invoice it cancels and shows its amounts negative', async ({
    assert,
  }) => {
    // As Kreds stores it: the cancelled invoice's amounts, positive.
    const text = words(await pdfText(await renderInvoicePdf(creditNote())))
    assert.include(text, 'Kreditnota')
    assert.include(text, 'K-2026-0003')
    assert.include(text, 'Krediterer faktura 2026-0042 af 15. januar 2026')
    assert.include(text, 'Kreditnotadato 2. marts 2026')
    assert.notInclude(text, 'Fakturadato')
    assert.match(text, /I alt\s*-1\.250,00 kr\./)
    assert.match(text, /Subtotal\s*-1\.250,00 kr\./)
    assert.notMatch(text, /(^|[^-\d.])1\.250,00 kr\./)
    assert.match(text, /Moms\s*0,00 kr\./)
    assert.notInclude(text, 'Forfaldsdato')
    assert.notInclude(text, 'Betales senest')
    assert.notInclude(text, '+71<')
  })

  test('a credit note that holds its amounts negative shows them negative once', async ({
    assert,
  }) => {
    const pdf = await renderInvoicePdf(
      creditNote({
        lines: [
          {
            description: 'Kreditering',
            quantity: 1,
            unitOre: -125000,
            amountOre: -125000,
            period: null,
          },
        ],
        netOre: -125000,
        totalOre: -125000,
      })
    )
    const text = words(await pdfText(pdf))
    assert.match(text, /I alt\s*-1\.250,00 kr\./)
    assert.notInclude(text, '--1.250,00')
  })

  test('names beyond WinAnsi survive: Łódź and Ørsted', async ({ assert }) => {
    const pdf = await renderInvoicePdf(
      municipalityInvoice({
        buyer: { ...municipalityInvoice().buyer, name: 'Fundacja Łódź – Ørsted', ean: null },
      })
    )
    const text = await pdfText(pdf)
    assert.include(text, 'Fundacja Łódź – Ørsted')
    assert.notInclude(text, 'EAN-nr.')
  })

  test('many lines flow onto further pages with the column headings repeated', async ({
    assert,
  }) => {
    const lines = Array.from({ length: 80 }, (_, index) => ({
      description: `Deltagelse i netværksmøde ${index + 1}, inkl. forplejning og materialer til alle deltagere fra organisationen`,
      quantity: 1,
      unitOre: 50000,
      amountOre: 50000,
      period: null,
    }))
    const pdf = await renderInvoicePdf(
      municipalityInvoice({ lines, netOre: 4000000, totalOre: 4000000 })
    )
    const text = words(await pdfText(pdf))
    const pages = Number(text.match(/Side 1 af (\d+)/)?.[1])
    assert.isAbove(pages, 2)
    assert.lengthOf(text.match(/Beskrivelse/g) ?? [], pages)
    assert.include(text, 'netværksmøde 80,')
    assert.include(text, '40.000,00 kr.')
  })

  test('sets the document info from the invoice, so a re-render is byte-identical', async ({
    assert,
  }) => {
    const [first, second] = await Promise.all([
      renderInvoicePdf(municipalityInvoice()),
      renderInvoicePdf(municipalityInvoice()),
    ])
    assert.isTrue(first.equals(second))
    const info = await pdfInfo(first)
    assert.equal(info.Title, 'Faktura 2026-0042')
    assert.equal(info.Author, 'Social Talks')
    // Midnight of the issue date in Danish time.
    assert.deepEqual(info.CreationDate, new Date('2026-01-14T23:00:00Z'))
  })

  test('embeds a PNG logo', async ({ assert }) => {
    const logoPath = join(tmpdir(), `kreds-logo-${process.pid}.png`)
    await writeFile(logoPath, Buffer.from(onePixelPng, 'base64'))
    const pdf = await renderInvoicePdf(municipalityInvoice(), { logoPath })
    assert.include(pdf.toString('latin1'), '/Subtype /Image')
    assert.include(await pdfText(pdf), 'Aarhus Kommune')
  })

  test('a missing or unreadable logo is left out', async ({ assert }) => {
    const notAnImage = join(tmpdir(), `kreds-not-a-logo-${process.pid}.png`)
    await writeFile(notAnImage, 'not a png')
    for (const logoPath of ['/nonexistent/logo.png', notAnImage]) {
      const pdf = await renderInvoicePdf(municipalityInvoice(), { logoPath })
      assert.notInclude(pdf.toString('latin1'), '/Subtype /Image')
      assert.include(await pdfText(pdf), 'Aarhus Kommune')
    }
  })

  test('streams for a response and names the file', async ({ assert }) => {
    const stream = await invoicePdfStream(creditNote())
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk)
    assert.equal(Buffer.concat(chunks).subarray(0, 5).toString(), '%PDF-')
    assert.equal(invoicePdfFilename(creditNote()), 'kreditnota-K-2026-0003.pdf')
    assert.equal(invoicePdfFilename(municipalityInvoice()), 'faktura-2026-0042.pdf')
  })
})
