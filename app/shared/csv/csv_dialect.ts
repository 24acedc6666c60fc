/**
 * How a CSV file was written: its encoding and the separator between values.
 * Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252, "CSV UTF-8"
 * with a BOM and "Unicode-tekst" in UTF-16LE with a BOM and tabs; Numbers and
 * LibreOffice write UTF-8 without a BOM.
 */
import iconv from 'iconv-lite'

export type DanishCsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be'
export type DanishCsvDelimiter = ';' | ',' | '\t'

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const UTF16LE_BOM = Buffer.from([0xff, 0xfe])
const UTF16BE_BOM = Buffer.from([0xfe, 0xff])

export function decodeCsv(input: Buffer): { text: string; encoding: DanishCsvEncoding } {
  if (input.subarray(0, 3).equals(UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(input.subarray(3)), encoding: 'utf-8-bom' }
  }
  const utf16 = utf16Encoding(input)
  if (utf16) return { text: new TextDecoder(utf16).decode(input), encoding: utf16 }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' }
  } catch {
    // Danish text in Windows-1252 is practically never valid UTF-8: æ alone is
    // byte 0xE6, which UTF-8 only allows as the start of a three-byte sequence.
    return { text: iconv.decode(input, 'windows-1252'), encoding: 'windows-1252' }
  }
}

/**
 * By the BOM (the TextDecoder drops it), or else by the zero bytes that
 * ASCII letters have in UTF-16 and never have in a text file of one byte
 * per character: a header such as `Navn` gives `N\0a\0v\0n\0`.
 */
function utf16Encoding(input: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (input.subarray(0, 2).equals(UTF16LE_BOM)) return 'utf-16le'
  if (input.subarray(0, 2).equals(UTF16BE_BOM)) return 'utf-16be'
  if (input.length < 4) return null
  if (input[0] !== 0 && input[1] === 0 && input[2] !== 0 && input[3] === 0) return 'utf-16le'
  if (input[0] === 0 && input[1] !== 0 && input[2] === 0 && input[3] !== 0) return 'utf-16be'
  return null
}

/** In order of preference when the header line has as many of two of them. */
const DELIMITERS: DanishCsvDelimiter[] = [';', '\t', ',']

/**
 * Counts each candidate in the header line, outside quotes. The most
 * frequent wins; a tie (or a single column) goes to `;`, which is what
 * Danish Excel writes, then to a tab, which no header text contains.
 */
export function detectDelimiter(text: string): DanishCsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]))
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  let best = DELIMITERS[0]
  for (const delimiter of DELIMITERS) {
    if (counts.get(delimiter)! > counts.get(best)!) best = delimiter
  }
  return best
}
