/**
 * What a re-rendered form shows, read from its HTML as the browser would: the
 * value of a text field, the text of a textarea, the chosen option of a
 * select and whether a box is ticked. For tests that a failed submission
 * keeps what was typed.
 */

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
}

function decode(text: string) {
  return text.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (entity) => ENTITIES[entity])
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function attribute(tag: string, name: string) {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`))
  return match ? decode(match[1]) : undefined
}

export type ShownField =
  { kind: 'text'; value: string } | { kind: 'checkbox'; checked: boolean } | { kind: 'missing' }

/**
 * The first control named `name` on the page and what it shows; by its id
 * when the page holds several forms with the same field names.
 */
export function shownField(html: string, name: string, id?: string): ShownField {
  const named = id ? `\\sid="${escapeRegExp(id)}"` : `\\sname="${escapeRegExp(name)}"`
  const control = html.match(new RegExp(`<(input|textarea|select)\\b[^>]*${named}[^>]*>`, 's'))
  if (!control) return { kind: 'missing' }
  const [tag, element] = control
  const rest = html.slice(control.index! + tag.length)
  if (element === 'textarea') {
    return { kind: 'text', value: decode(rest.slice(0, rest.indexOf('</textarea>'))) }
  }
  if (element === 'select') {
    const options = rest.slice(0, rest.indexOf('</select>'))
    const chosen = [...options.matchAll(/<option\b([^>]*)>/g)].find((option) =>
      /\sselected\b/.test(option[1])
    )
    return { kind: 'text', value: chosen ? (attribute(chosen[0], 'value') ?? '') : '' }
  }
  const type = attribute(tag, 'type') ?? 'text'
  if (type === 'checkbox' || type === 'radio') {
    return { kind: 'checkbox', checked: /\schecked\b/.test(tag) }
  }
  return { kind: 'text', value: attribute(tag, 'value') ?? '' }
}

/** The links of the error summary at the top of the page: their targets and texts. */
export function errorSummaryLinks(html: string) {
  const summary = html.match(/<div[^>]*data-testid="error-summary"[^>]*>([\s\S]*?)<\/div>/)
  if (!summary) return null
  return [...summary[1].matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((link) => ({
    href: decode(link[1]),
    text: decode(link[2].replace(/\s+/g, ' ').trim()),
  }))
}
