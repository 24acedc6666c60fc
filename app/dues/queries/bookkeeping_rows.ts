import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { writeDanishCsv } from '#shared/csv/write_danish_csv'

const HEADERS = ['Fakturanummer', 'Dato', 'Medlem', 'CVR', 'Beløb', 'Moms', 'Betalt', 'Betalt dato']

function kroner(ore: number) {
  return (ore / 100).toFixed(2).replace('.', ',')
}

function danishDate(iso: string | null) {
  if (!iso) return ''
  const [year, month, day] = iso.split('-')
  return `${day}-${month}-${year}`
}

/**
 * The year's invoices and credit notes for the bookkeeper, in number order,
 * as Danish Excel reads them. Credit notes count negative.
 */
export async function bookkeepingCsv(year: number) {
  const documents = await Invoice.query()
    .where('year', year)
    .preload('organisation')
    .orderBy('series')
    .orderBy('sequence')
  const balances = await getBalances(
    documents.filter((document) => document.kind === 'invoice'),
    danishToday()
  )
  const rows = documents.map((document) => {
    const sign = document.kind === 'credit_note' ? -1 : 1
    const balance = balances.get(document.id)
    return [
      document.number,
      danishDate(document.issueDate.toISODate()),
      document.organisation.name,
      document.document.buyer.cvr ?? '',
      kroner(sign * document.totalOre),
      kroner(sign * document.vatOre),
      balance ? kroner(balance.paidOre) : '',
      balance ? danishDate(balance.lastPaidOn) : '',
    ]
  })
  return writeDanishCsv(HEADERS, rows)
}
