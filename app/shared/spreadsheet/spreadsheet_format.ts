/**
 * Which reader a file needs: decided by its name, checked against its first
 * bytes, so a workbook saved as .csv or a CSV renamed .xlsx gets a message
 * saying so instead of a table of garbage.
 */
import { extname } from 'node:path'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'

export type SpreadsheetFormat = 'csv' | 'xlsx'

/** Every zip starts with a local file header, PK\3\4 (an empty one with its end record). */
const ZIP_SIGNATURES = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')]
/** Office's compound file: Excel 97–2003 workbooks and password-protected .xlsx files. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
/** The stream an encrypted Office file keeps its key details in, named in UTF-16. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le')

const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv'])
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm'])

type Content = 'zip' | 'compound' | 'text' | 'binary'

export function detectFormat(file: Buffer, fileName: string): SpreadsheetFormat {
  const extension = extname(fileName).toLowerCase()
  const content = sniff(file)
  if (content === 'compound') throw compoundFileError(file)
  if (XLSX_EXTENSIONS.has(extension)) {
    if (content === 'zip') return 'xlsx'
    throw new SpreadsheetError(1, 'not_xlsx', `${fileName} is not an .xlsx workbook`, undefined, {
      extension,
    })
  }
  if (CSV_EXTENSIONS.has(extension)) {
    if (content === 'text') return 'csv'
    const found = content === 'zip' ? 'xlsx' : 'binary'
    throw new SpreadsheetError(1, 'not_csv', `${fileName} is not text but ${found}`, undefined, {
      extension,
      found,
    })
  }
  // A file with no extension at all is read as what it is.
  if (extension === '' && content === 'zip') return 'xlsx'
  if (extension === '' && content === 'text') return 'csv'
  throw new SpreadsheetError(
    1,
    'unsupported_format',
    `${fileName} is neither CSV nor xlsx`,
    undefined,
    {
      extension: extension || fileName,
    }
  )
}

function sniff(file: Buffer): Content {
  const start = file.subarray(0, 8)
  if (ZIP_SIGNATURES.some((signature) => start.subarray(0, 4).equals(signature))) return 'zip'
  if (start.equals(COMPOUND_FILE)) return 'compound'
  return looksLikeText(file) ? 'text' : 'binary'
}

/**
 * Text has no NUL bytes, except UTF-16, where every ASCII letter has one on
 * the same side. PDFs and pictures have them anywhere within the first few KB.
 */
function looksLikeText(file: Buffer): boolean {
  if (file.subarray(0, 5).toString('latin1') === '%PDF-') return false
  if (file[0] === 0xff && file[1] === 0xfe) return true
  if (file[0] === 0xfe && file[1] === 0xff) return true
  const sample = file.subarray(0, 4096)
  let evenNuls = 0
  let oddNuls = 0
  sample.forEach((byte, index) => {
    if (byte !== 0) return
    if (index % 2 === 0) evenNuls++
    else oddNuls++
  })
  return evenNuls === 0 || oddNuls === 0
}

function compoundFileError(file: Buffer): SpreadsheetError {
  if (file.includes(ENCRYPTION_INFO)) {
    return new SpreadsheetError(1, 'encrypted', 'the workbook is protected by a password')
  }
  return new SpreadsheetError(1, 'legacy_xls', 'an Excel 97-2003 workbook (.xls)')
}
