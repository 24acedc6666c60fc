/**
 * A quicker reading of a sheet part, for the XML that spreadsheet programs
 * write: elements, attributes in quotes, text, the five named entities and
 * character references. Anything else (a comment, CDATA, a DOCTYPE, a
 * carriage return in text, an entity in an attribute, a name beyond ASCII,
 * anything malformed) stops it with NotPlainXml before that chunk's rows are
 * handed on, and the caller reads the part again with exceljs's parser,
 * which reads it as it always has. What this reading accepts, that parser
 * accepts too, with the same elements, attributes and text, chunk by
 * chunk: the rows and the refusals are the same either way.
 */
import type { Readable } from 'node:stream'
import {
  SheetState,
  type SheetAttributes,
  type SheetContext,
  type SheetRow,
} from '#shared/spreadsheet/sheet_rows'

/** The part is not in the plain XML this reading knows; read it with the full parser. */
export class NotPlainXml extends Error {}

/** Text or a tag longer than this, unfinished at a chunk's end, is left to the full parser. */
const MAX_CARRY = 1 << 20

const LT = 60
const SLASH = 47
const QUESTION = 63
const BANG = 33
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39
const AMPERSAND = 38
const BRACKET = 93

/** What XML text may not hold (or holds in another form: a carriage return is read as a line feed). */
const NOT_XML_TEXT = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|\]\]>/u
/** The same for an attribute, where tabs and line breaks are read as spaces and entities are left out. */
const NOT_ATTRIBUTE_VALUE = /[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[<&]/u
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const WHITESPACE_ONLY = /^[ \t\n\r]*$/
const DECLARATION =
  /^<\?xml version="1\.0"(?: encoding="(?:UTF|utf)-8")?(?: standalone="(?:yes|no)")? ?\?>$/
const NO_ATTRIBUTES: SheetAttributes = {}

export async function* plainSheetRows(
  part: Readable,
  context: SheetContext
): AsyncGenerator<SheetRow> {
  const scanner = new PlainXml(new SheetState(context))
  for await (const chunk of part) {
    if (typeof chunk !== 'string') throw new NotPlainXml('the part is not text')
    scanner.scan(chunk)
    yield* scanner.takeRows()
  }
}

class PlainXml {
  private carry = ''
  private readonly open: string[] = []
  private started = false
  private rootClosed = false
  private failed = false
  private failure: unknown

  constructor(private readonly sheet: SheetState) {}

  /** Each complete piece of the chunk; an unfinished tag and the text before it wait for the next. */
  scan(chunk: string) {
    const text = this.carry + chunk
    let position = 0
    for (;;) {
      const lt = text.indexOf('<', position)
      if (lt === -1) break
      const gt = text.indexOf('>', lt + 1)
      if (gt === -1) break
      if (lt > position) this.characters(text.slice(position, lt))
      this.markup(text, lt + 1, gt)
      position = gt + 1
    }
    this.carry = text.slice(position)
    if (this.carry.length > MAX_CARRY) throw new NotPlainXml('a piece longer than a chunk')
  }

  /** A failure of the sheet's reading counts only once the whole chunk is known to be plain. */
  takeRows(): SheetRow[] {
    if (this.failed) throw this.failure
    return this.sheet.takeRows()
  }

  private characters(raw: string) {
    this.started = true
    if (this.open.length === 0) {
      if (!WHITESPACE_ONLY.test(raw)) throw new NotPlainXml('text outside the root')
      return
    }
    const plain = isPlainAscii(raw, true)
    if (!plain && NOT_XML_TEXT.test(raw)) throw new NotPlainXml('text XML reads otherwise')
    const value = !plain && raw.includes('&') ? decodeEntities(raw) : raw
    if (this.failed) return
    try {
      this.sheet.text(value)
    } catch (error) {
      this.fail(error)
    }
  }

  private markup(text: string, start: number, end: number) {
    const first = text.charCodeAt(start)
    if (first === SLASH) return this.endTag(text, start + 1, end)
    if (first === QUESTION) {
      if (this.started || !DECLARATION.test(text.slice(start - 1, end + 1))) {
        throw new NotPlainXml('a processing instruction')
      }
      this.started = true
      return
    }
    if (first === BANG) throw new NotPlainXml('a comment, CDATA or a DOCTYPE')
    this.startTag(text, start, end)
  }

  /** `</name>` closing the element open last; its name was checked when it opened. */
  private endTag(text: string, start: number, end: number) {
    const name = this.open.at(-1)
    if (name === undefined || end - start !== name.length || !text.startsWith(name, start)) {
      throw new NotPlainXml('an end tag XML reads otherwise')
    }
    this.open.pop()
    if (this.open.length === 0) this.rootClosed = true
    this.deliver(name, null)
  }

  private startTag(text: string, start: number, end: number) {
    if (this.rootClosed) throw new NotPlainXml('a second root')
    let index = nameEnd(text, start, end)
    if (index === start) throw new NotPlainXml('a tag without a name')
    const name = text.slice(start, index)
    const wanted = name === 'c' || name === 'row'
    const attributes: SheetAttributes = wanted ? {} : NO_ATTRIBUTES
    let seen: string[] | undefined
    let selfClosing = false
    while (index < end) {
      if (text.charCodeAt(index) === SLASH && index + 1 === end) {
        selfClosing = true
        break
      }
      if (!isSpace(text.charCodeAt(index))) throw new NotPlainXml('attributes run together')
      while (index < end && isSpace(text.charCodeAt(index))) index++
      if (index === end) break
      if (text.charCodeAt(index) === SLASH) continue
      const nameStop = nameEnd(text, index, end)
      const quote = text.charCodeAt(nameStop + 1)
      if (
        nameStop === index ||
        text.charCodeAt(nameStop) !== EQUALS ||
        (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)
      ) {
        throw new NotPlainXml('an attribute XML reads otherwise')
      }
      const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", nameStop + 2)
      if (close === -1 || close >= end) throw new NotPlainXml('an unquoted attribute')
      const attribute = text.slice(index, nameStop)
      const value = text.slice(nameStop + 2, close)
      if (!isPlainAscii(value, false) && NOT_ATTRIBUTE_VALUE.test(value)) {
        throw new NotPlainXml('an attribute value XML reads otherwise')
      }
      if (seen?.includes(attribute) || attribute === '__proto__') {
        throw new NotPlainXml('an attribute given twice, or one no object holds')
      }
      ;(seen ??= []).push(attribute)
      if (wanted) attributes[attribute] = value
      index = close + 1
    }
    this.started = true
    this.deliver(name, attributes)
    if (selfClosing) {
      if (this.open.length === 0) this.rootClosed = true
      this.deliver(name, null)
    } else {
      this.open.push(name)
    }
  }

  /** An element opening (with its attributes) or closing (null), to the sheet unless it failed. */
  private deliver(name: string, attributes: SheetAttributes | null) {
    if (this.failed) return
    try {
      if (attributes) this.sheet.open(name, attributes)
      else this.sheet.close(name)
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown) {
    this.failed = true
    this.failure = error
  }
}

/**
 * Printable ASCII with no markup: such text reads as it stands. Text may
 * hold tabs and line feeds, an attribute neither; `]` sends text to the
 * closer look for `]]>`.
 */
function isPlainAscii(value: string, text: boolean): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 0x20 && code < 0x7f) {
      if (code === LT || code === AMPERSAND || (text && code === BRACKET)) return false
    } else if (!text || (code !== 0x09 && code !== 0x0a)) {
      return false
    }
  }
  return true
}

function decodeEntities(raw: string): string {
  if (raw.replaceAll(ENTITY, '').includes('&')) throw new NotPlainXml('an unknown entity')
  return raw.replaceAll(ENTITY, (_, named: string, decimal: string, hex: string) => {
    if (named) return NAMED[named]
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16)
    if (!isXmlCharacter(code)) throw new NotPlainXml('a reference to no character XML allows')
    return String.fromCodePoint(code)
  })
}

function isXmlCharacter(code: number) {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

function isSpace(code: number) {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** Where an ASCII XML name starting at `start` ends: `start` itself when there is none. */
function nameEnd(text: string, start: number, end: number): number {
  let index = start
  for (; index < end; index++) {
    const code = text.charCodeAt(index)
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    const startChar = letter || code === 95 || code === 58
    const nameChar = startChar || (code >= 48 && code <= 57) || code === 46 || code === 45
    if (index === start ? !startChar : !nameChar) break
  }
  return index
}
