/**
 * Writes CSV that Danish Excel opens correctly by double-click: UTF-8 with a
 * BOM (without it Excel assumes Windows-1252 and garbles æøå), `;` between
 * values and CRLF line endings.
 */

export type DanishCsvCell = string | number | null | undefined

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** Spreadsheets treat text starting with these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/
/** A negative amount such as -12,50 or -1.250,50 is data, not a formula. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)*$/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

export function writeDanishCsv(headers: string[], rows: DanishCsvCell[][]): Buffer {
  rows.forEach((row, index) => {
    if (row.length !== headers.length) {
      // A misaligned row would put values under the wrong header.
      throw new Error(`CSV row ${index + 2} has ${row.length} values for ${headers.length} headers`)
    }
  })
  const text = [headers, ...rows]
    .map((row) => row.map((cell) => quoteIfNeeded(cellText(cell))).join(';') + '\r\n')
    .join('')
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')])
}

function cellText(cell: DanishCsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Cannot write ${cell} to a CSV file`)
    // Danish Excel reads 12.5 as the date 12 May; 12,5 is the number.
    return String(cell).replace('.', ',')
  }
  if (FORMULA_START.test(cell) && !PLAIN_NEGATIVE_NUMBER.test(cell)) return `'${cell}`
  return cell
}

function quoteIfNeeded(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
