/**
 * A forgiving tokenizer for MJML source. It only finds tags, with the line
 * they start on; text, comments, CDATA and declarations are passed over.
 * Both the well-formedness check and the include resolution read markup
 * through it, so they agree on what is a tag and what is not.
 */

export type OpenTag = {
  kind: 'open'
  name: string
  line: number
  attributes: Map<string, string>
  /** Every attribute written, repeats included: mjml's work grows with this. */
  attributeCount: number
  selfClosing: boolean
}
export type CloseTag = { kind: 'close'; name: string; line: number }
/** Markup that cannot be read on: the scanner stops at the first one. */
export type BrokenMarkup = { kind: 'broken'; line: number; message: string }
export type MarkupToken = OpenTag | CloseTag | BrokenMarkup

/**
 * Elements whose content is not markup. `mj-raw` holds arbitrary HTML,
 * often deliberately unbalanced across several mj-raw blocks, and CSS may
 * contain `>` and `<`.
 */
const RAW_TEXT_TAGS = new Set(['mj-raw', 'mj-style', 'style', 'script'])
/** htmlparser2, which mjml uses, still sees comments inside these two. */
const COMMENTS_INSIDE_RAW = new Set(['mj-raw', 'mj-style'])

const NAME_START = /[a-z]/i
const NAME_END = /[\s/>]/
const SPACE = /\s/

function lineStarts(source: string) {
  const starts = [0]
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    starts.push(index + 1)
  }
  return starts
}

export function* tokenizeMarkup(source: string): Generator<MarkupToken> {
  const starts = lineStarts(source)
  const lineAt = (offset: number) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }

  /** Offset just after `terminator`, searching from `from`; -1 when it never comes. */
  const after = (terminator: string, from: number) => {
    const found = source.indexOf(terminator, from)
    return found === -1 ? -1 : found + terminator.length
  }

  const readName = (from: number) => {
    let end = from
    while (end < source.length && !NAME_END.test(source[end])) end++
    return { name: source.slice(from, end).toLowerCase(), end }
  }

  /** Reads attributes up to the closing `>`; null when the tag never ends. */
  const readAttributes = (from: number) => {
    const attributes = new Map<string, string>()
    let count = 0
    let position = from
    while (position < source.length) {
      const char = source[position]
      if (SPACE.test(char)) {
        position++
      } else if (char === '>') {
        return { attributes, count, selfClosing: false, end: position + 1 }
      } else if (char === '/' && source[position + 1] === '>') {
        return { attributes, count, selfClosing: true, end: position + 2 }
      } else if (char === '/' || char === '"' || char === "'" || char === '=') {
        // Stray characters (template syntax such as `{{/if}}`) are not attributes.
        position++
      } else {
        let nameEnd = position
        while (nameEnd < source.length && !/[\s/>=]/.test(source[nameEnd])) nameEnd++
        const name = source.slice(position, nameEnd)
        count++
        position = nameEnd
        while (SPACE.test(source[position] ?? '')) position++
        if (source[position] !== '=') {
          attributes.set(name, '')
          continue
        }
        position++
        while (SPACE.test(source[position] ?? '')) position++
        const quote = source[position]
        if (quote === '"' || quote === "'") {
          const closing = source.indexOf(quote, position + 1)
          if (closing === -1) return null
          attributes.set(name, source.slice(position + 1, closing))
          position = closing + 1
        } else {
          let valueEnd = position
          while (valueEnd < source.length && !/[\s>]/.test(source[valueEnd])) valueEnd++
          attributes.set(name, source.slice(position, valueEnd))
          position = valueEnd
        }
      }
    }
    return null
  }

  /** Where the closing tag of a raw-text element starts, or -1. */
  const findRawEnd = (name: string, from: number) => {
    const closing = new RegExp(`</${name}(?=[\\s/>])|<!--`, 'gi')
    closing.lastIndex = from
    for (let match = closing.exec(source); match; match = closing.exec(source)) {
      if (match[0] !== '<!--') return match.index
      if (!COMMENTS_INSIDE_RAW.has(name)) continue
      const commentEnd = after('-->', match.index + 4)
      if (commentEnd === -1) return -1
      closing.lastIndex = commentEnd
    }
    return -1
  }

  let position = 0
  while (position < source.length) {
    const start = source.indexOf('<', position)
    if (start === -1) return
    const next = source[start + 1] ?? ''

    if (source.startsWith('<!--', start)) {
      position = after('-->', start + 4)
      if (position === -1) {
        yield { kind: 'broken', line: lineAt(start), message: 'comment <!-- is never closed' }
        return
      }
    } else if (source.startsWith('<![CDATA[', start)) {
      position = after(']]>', start + 9)
      if (position === -1) {
        yield { kind: 'broken', line: lineAt(start), message: '<![CDATA[ is never closed' }
        return
      }
    } else if (next === '!' || next === '?') {
      // Doctype, processing instruction or a downlevel-revealed `<![if …]>`.
      position = after('>', start + 2)
      if (position === -1) {
        yield { kind: 'broken', line: lineAt(start), message: `<${next} is never closed with >` }
        return
      }
    } else if (next === '/' && NAME_START.test(source[start + 2] ?? '')) {
      const { name, end } = readName(start + 2)
      position = after('>', end)
      if (position === -1) {
        yield { kind: 'broken', line: lineAt(start), message: `</${name} is never closed with >` }
        return
      }
      yield { kind: 'close', name, line: lineAt(start) }
    } else if (NAME_START.test(next)) {
      const { name, end } = readName(start + 1)
      const rest = readAttributes(end)
      if (!rest) {
        yield { kind: 'broken', line: lineAt(start), message: `<${name}> is never finished with >` }
        return
      }
      const { attributes, count, selfClosing } = rest
      yield {
        kind: 'open',
        name,
        line: lineAt(start),
        attributes,
        attributeCount: count,
        selfClosing,
      }
      position = rest.end
      if (RAW_TEXT_TAGS.has(name) && !rest.selfClosing) {
        const rawEnd = findRawEnd(name, position)
        // Without its closing tag the whole rest is content; the caller reports it.
        if (rawEnd === -1) return
        position = rawEnd
      }
    } else {
      // A lone `<` in text, such as "a < b".
      position = start + 1
    }
  }
}
