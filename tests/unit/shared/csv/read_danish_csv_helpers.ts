import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import type { DanishCsvEncoding } from '#shared/csv/read_danish_csv'
import { DanishCsvError, readDanishCsv } from '#shared/csv/read_danish_csv'

/*
 * The encodings and Excel exports the readDanishCsv specs read, and the
 * error a malformed file is refused with.
 */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The same text as each of the three kinds of file Danish users send. */
export const ENCODINGS: { encoding: DanishCsvEncoding; encode: (text: string) => Buffer }[] = [
  { encoding: 'utf-8-bom', encode: (text: string) => Buffer.concat([UTF8_BOM, Buffer.from(text)]) },
  { encoding: 'utf-8', encode: (text: string) => Buffer.from(text) },
  { encoding: 'windows-1252', encode: (text: string) => iconv.encode(text, 'windows-1252') },
]

export const FIXTURES: { file: string; encoding: DanishCsvEncoding }[] = [
  { file: 'members_utf8_bom.csv', encoding: 'utf-8-bom' },
  { file: 'members_utf8.csv', encoding: 'utf-8' },
  { file: 'members_windows1252.csv', encoding: 'windows-1252' },
]

export function readFixture(file: string) {
  return readFileSync(new URL(`../../../fixtures/csv/${file}`, import.meta.url))
}

export function readError(input: Buffer): DanishCsvError {
  try {
    readDanishCsv(input)
  } catch (error) {
    if (error instanceof DanishCsvError) return error
    throw error
  }
  throw new Error('The file was read without an error')
}
