/**
 * The zip an .xlsx workbook is, opened so that no part can cost more than
 * the cap. yauzl reads the zip's own directory and fails a part's stream the
 * moment it unpacks to more than the size the directory gives, so checking
 * that size before unpacking is enough: a part cannot lie its way past it.
 */
import type { Readable } from 'node:stream'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { SPREADSHEET_LIMITS, SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'

export class XlsxPackage {
  private readonly streams: Readable[] = []

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>
  ) {}

  static async open(file: Buffer): Promise<XlsxPackage> {
    let zip: ZipFile
    try {
      zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true })
    } catch (error) {
      throw corrupt(error)
    }
    const { maxZipEntries } = SPREADSHEET_LIMITS
    if (zip.entryCount > maxZipEntries) {
      throw new SpreadsheetError(1, 'corrupt', `${zip.entryCount} files in the zip`)
    }
    const entries = new Map<string, Entry>()
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.isEncrypted()) {
          throw new SpreadsheetError(1, 'encrypted', `${entry.fileName} is encrypted`)
        }
        entries.set(entry.fileName, entry)
      }
    } catch (error) {
      if (error instanceof SpreadsheetError) throw error
      throw corrupt(error)
    }
    return new XlsxPackage(zip, entries)
  }

  has(path: string): boolean {
    return this.entries.has(path)
  }

  /** A part's content as it unpacks, in chunks of 16 KB, refused before unpacking when over the cap. */
  async open(path: string): Promise<Readable> {
    const entry = this.entries.get(path)
    if (!entry) throw new SpreadsheetError(1, 'corrupt', `the workbook has no ${path}`)
    const { maxPartBytes } = SPREADSHEET_LIMITS
    if (entry.uncompressedSize > maxPartBytes) {
      const megabytes = Math.round(maxPartBytes / 1024 / 1024)
      throw new SpreadsheetError(
        1,
        'too_large',
        `${path} unpacks to ${entry.uncompressedSize} bytes, at most ${maxPartBytes}`,
        undefined,
        { max: megabytes }
      )
    }
    try {
      const stream = await this.zip.openReadStreamPromise(entry)
      this.streams.push(stream)
      return stream
    } catch (error) {
      throw corrupt(error)
    }
  }

  /** Stops any part still being read, as when a limit ends the reading early. */
  close() {
    for (const stream of this.streams) stream.destroy()
    this.zip.close()
  }
}

function corrupt(error: unknown): SpreadsheetError {
  const detail = error instanceof Error ? error.message : String(error)
  return new SpreadsheetError(1, 'corrupt', `not a readable workbook: ${detail}`)
}
