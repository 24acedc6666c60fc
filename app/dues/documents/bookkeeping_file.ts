import type { DateTime } from 'luxon'
import type { Voucher } from '#dues/queries/bookkeeping_entries'
import { writeDanishCsv } from '#shared/csv/write_danish_csv'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'
import { exportFormatOf } from '#shared/spreadsheet/write_spreadsheet'
import type { SpreadsheetColumn } from '#shared/spreadsheet/spreadsheet_export'

export type BookkeepingFormat = 'csv' | 'xlsx'

/**
 * The columns of e-conomic's day book (kassekladde) in the order its import
 * template lists them: the import maps each column to a field once, and the
 * saved template reads every later file alike.
 */
export const DAY_BOOK_COLUMNS: SpreadsheetColumn[] = [
  { header: 'Dato', kind: 'date' },
  { header: 'Bilag', kind: 'number' },
  { header: 'Tekst', kind: 'text' },
  { header: 'Konto', kind: 'text' },
  { header: 'Modkonto', kind: 'text' },
  { header: 'Beløb', kind: 'number' },
]

/** .csv or .xlsx by the file's name, null for anything else. */
export const formatOfFile = exportFormatOf

/** 125000 øre as 1.250,00, the way Danish Excel and e-conomic read an amount. */
export function danishAmount(ore: number) {
  const sign = ore < 0 ? '-' : ''
  const absolute = Math.abs(ore)
  const kroner = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${kroner},${String(absolute % 100).padStart(2, '0')}`
}

function dayFirst(date: DateTime) {
  return date.toFormat('dd-MM-yyyy')
}

export function fileName(from: DateTime, to: DateTime, format: BookkeepingFormat) {
  return `bogfoering-${from.toISODate()}-${to.toISODate()}.${format}`
}

/** One row per day book line; a voucher with VAT has two lines under one number. */
export async function writeBookkeepingFile(vouchers: Voucher[], format: BookkeepingFormat) {
  const lines = vouchers.flatMap((voucher) => voucher.lines.map((line) => ({ voucher, line })))
  if (format === 'csv') {
    return writeDanishCsv(
      DAY_BOOK_COLUMNS.map((column) => column.header),
      lines.map(({ voucher, line }) => [
        dayFirst(voucher.date),
        voucher.number,
        voucher.text,
        line.account,
        line.contraAccount,
        danishAmount(line.amountOre),
      ])
    )
  }
  return writeXlsx({
    sheetName: 'Kassekladde',
    columns: DAY_BOOK_COLUMNS,
    rows: lines.map(({ voucher, line }) => [
      voucher.date.toISODate(),
      voucher.number,
      voucher.text,
      line.account,
      line.contraAccount,
      line.amountOre / 100,
    ]),
  })
}
