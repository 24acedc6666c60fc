import { performance } from 'node:perf_hooks'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { envelopeFor } from '#newsletters/sending/reader_copy'
import Invoice from '#dues/models/invoice'
import { renderInvoicePdf } from '#dues/documents/invoice_pdf'
import Minutes from '#assemblies/models/minutes'
import { minutesDocument } from '#assemblies/queries/minutes_document'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'
import type { Figure } from '#shared/bench/report'
import {
  memberImportFigure,
  memberListFigure,
  sharePageFigure,
  startServer,
} from '#shared/bench/http_bench'
import { voteBurstFigure } from '#shared/bench/vote_bench'
import { memberImportXlsxFigure } from '#shared/bench/import_bench'
import { bankImportFigure } from '#shared/bench/bank_bench'
import { personaliseFigure, sendFigures } from '#shared/bench/send_bench'

async function invoicePdfFigure(log: (line: string) => void) {
  const invoice = await Invoice.query().orderBy('id').firstOrFail()
  log('invoice_pdf: 1000 PDFs…')
  const started = performance.now()
  for (let index = 0; index < 1000; index++) await renderInvoicePdf(invoice.document)
  return {
    name: 'invoice_pdf',
    value: 1000 / ((performance.now() - started) / 1000),
    unit: 'PDFs/s',
  } satisfies Figure
}

async function minutesPdfFigure(log: (line: string) => void) {
  const minutes = await Minutes.query().preload('signatures').orderBy('id').firstOrFail()
  log('minutes_pdf: the demo minutes…')
  const document = minutesDocument(minutes)
  await renderMinutesPdf(document)
  const started = performance.now()
  await renderMinutesPdf(document)
  return {
    name: 'minutes_pdf',
    value: performance.now() - started,
    unit: 'ms',
  } satisfies Figure
}

const HTTP_FIGURES = {
  share_page: sharePageFigure,
  member_list: memberListFigure,
  vote_burst: voteBurstFigure,
}

async function httpFigures(log: (line: string) => void, figure: keyof typeof HTTP_FIGURES) {
  const server = await startServer()
  try {
    return [await HTTP_FIGURES[figure](server.base, log)]
  } finally {
    await server.stop()
  }
}

/** Runs every figure this build measures (or those named), on the demo data prepared beforehand. */
export async function runBenchmarks(
  log: (line: string) => void,
  options: { only?: string[]; mysql: boolean }
) {
  const demo = await NewsletterIssue.query()
    .where('status', 'sent')
    .whereNotNull('compiled_html')
    .orderBy('id')
    .firstOrFail()
  const envelope = (await envelopeFor(demo.id))!
  const all: Record<string, () => Promise<Figure[]>> = {
    personalise: async () => [await personaliseFigure(envelope, log)],
    send: () => sendFigures(demo, log, options.mysql),
    member_import_xlsx: async () => [await memberImportXlsxFigure(log)],
    member_import: async () => [await memberImportFigure(log)],
    bank_import: async () => [await bankImportFigure(log)],
    share_page: () => httpFigures(log, 'share_page'),
    member_list: () => httpFigures(log, 'member_list'),
    // Many connections writing at once: measured on MariaDB (npm run bench -- --mysql).
    ...(options.mysql ? { vote_burst: () => httpFigures(log, 'vote_burst') } : {}),
    invoice_pdf: async () => [await invoicePdfFigure(log)],
    minutes_pdf: async () => [await minutesPdfFigure(log)],
  }
  const figures: Figure[] = []
  for (const [name, measure] of Object.entries(all)) {
    if (!options.only?.length || options.only.includes(name)) figures.push(...(await measure()))
  }
  return figures
}
