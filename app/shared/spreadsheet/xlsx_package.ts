/**
 * The zip an .xlsx workbook is, opened so that no part can cost more than
 * the cap. yauzl reads the zip's own directory and fails a part's stream the
 * moment it unpacks to more than the size the directory gives, so checking
 * that size before unpacking is enough: a part cannot lie its way past it.
 */
import { pipeline, Transform, type Readable } from 'node:stream'
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

  /**
   * A part's text as it unpacks, in chunks of 16 KB, refused before unpacking
   * when over the cap. One decoder reads the whole part, so a character whose
   * bytes fall either side of a chunk's end stays one character.
   */
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
      const text = utf8Text(stream)
      this.streams.push(text)
      return text
    } catch (error) {
      throw corrupt(error)
    }
  }

  /** Stops any part still being read, as when a limit ends the reading early. */
  close() {
    // The text before the unpacking under it, so the unpacking stops as a stop, not a failure.
    for (const stream of this.streams.toReversed()) stream.destroy()
    this.zip.close()
  }
}

/** UTF-8 as the XML parser's own decoder reads it (a byte order mark dropped), across chunks. */
function utf8Text(stream: Readable): Readable {
  const decoder = new TextDecoder('utf-8')
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }))
    },
    flush(done) {
      done(null, decoder.decode())
    },
  })
  // The reader sees a failure of the unpacking as a failure of the text.
  return pipeline(stream, text, () => {})
}

function corrupt(error: unknown): SpreadsheetError {
  const detail = error instanceof Error ? error.message : String(error)
  return new SpreadsheetError(1, 'corrupt', `not a readable workbook: ${detail}`)
}
