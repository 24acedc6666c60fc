/**
 * Where each top-level element of an issue's sections begins and ends,
 * for the visual view to take the issue apart without changing a byte.
 * Null when the source is not a plain run of elements (text between them,
 * broken markup): the visual view then keeps it whole, as one locked block.
 */

/** Elements whose content is HTML or text, not MJML: their inside is skipped over. */
const ENDING_TAGS = new Set([
  'mj-text',
  'mj-button',
  'mj-raw',
  'mj-table',
  'mj-navbar-link',
  'mj-accordion-title',
  'mj-accordion-text',
  'mj-social-element',
  'mj-style',
])

export type ElementSpan = { start: number; end: number }

export function splitTopLevel(source: string): ElementSpan[] | null {
  const spans: ElementSpan[] = []
  let depth = 0
  let start = 0
  let index = 0
  while (index < source.length) {
    const char = source[index]
    if (char !== '<') {
      if (depth === 0 && !/\s/.test(char)) return null
      index += 1
      continue
    }
    if (source.startsWith('<!--', index)) {
      const close = source.indexOf('-->', index + 4)
      if (close === -1) return null
      index = close + 3
      continue
    }
    const closing = source[index + 1] === '/'
    const tagEnd = endOfTag(source, index)
    if (tagEnd === -1) return null
    const name = /^<\/?([a-zA-Z][\w-]*)/.exec(source.slice(index, tagEnd))?.[1]?.toLowerCase()
    if (!name) return null
    if (closing) {
      depth -= 1
      if (depth < 0) return null
      index = tagEnd
      if (depth === 0) spans.push({ start, end: index })
      continue
    }
    if (depth === 0) start = index
    if (source[tagEnd - 2] === '/') {
      index = tagEnd
      if (depth === 0) spans.push({ start, end: index })
      continue
    }
    depth += 1
    index = tagEnd
    if (ENDING_TAGS.has(name)) {
      const close = source.toLowerCase().indexOf(`</${name}`, index)
      if (close === -1) return null
      index = close
    }
  }
  return depth === 0 ? spans : null
}

/** Offset just past the tag's `>`, skipping `>` inside quoted attribute values; -1 if it never ends. */
function endOfTag(source: string, from: number) {
  let quote: string | null = null
  for (let index = from + 1; index < source.length; index++) {
    const char = source[index]
    if (quote) {
      if (char === quote) quote = null
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '>') {
      return index + 1
    } else if (char === '<') {
      return -1
    }
  }
  return -1
}

/**
 * The source cut into one piece per element, each piece running from just
 * after the line break that ends the previous element: joined with line
 * breaks they give the source back, or the cut is refused (null).
 */
export function cutIntoPieces(source: string): string[] | null {
  if (source === '') return []
  const spans = splitTopLevel(source)
  if (!spans || spans.length === 0) return null
  const pieces = spans.map((span, index) => {
    const previous = index === 0 ? 0 : spans[index - 1].end
    const from = index === 0 ? 0 : previous + (source[previous] === '\n' ? 1 : 0)
    const to = index === spans.length - 1 ? source.length : span.end
    return source.slice(from, to)
  })
  return pieces.join('\n') === source ? pieces : null
}
