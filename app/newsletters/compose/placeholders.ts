import { capProblems, MJML_LIMITS } from '#newsletters/mjml/limits'

/**
 * The fixed list of placeholders a newsletter may use. Newsletter content is
 * never run through a template engine: the compiled HTML is cut at these
 * placeholders once, and each reader's copy joins the pieces with escaped
 * values.
 */
export const PLACEHOLDERS = [
  'first_name',
  'share_url',
  'forward_url',
  'unsubscribe_url',
  'preferences_url',
  'web_url',
] as const

export type Placeholder = (typeof PLACEHOLDERS)[number]
export type PlaceholderValues = Record<Placeholder, string>

/**
 * `{{ name }}` with any spacing inside the braces. The name and the space
 * after it are one optional group, so that `{{` followed by a long run of
 * spaces fails in one pass: with two `\s*` around an empty name, each `{{`
 * cost the square of the spaces after it.
 */
const PLACEHOLDER = /\{\{\s*(?:([A-Za-z0-9_.-]+)\s*)?\}\}/g

export type PlaceholderProblem = { line: number; message: string }

/** Every `{{ … }}` that is not on the list, with the line it stands on. */
export function findUnknownPlaceholders(source: string): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = []
  // Lines are counted on from the previous match, never from the start again.
  let line = 1
  let counted = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    if ((PLACEHOLDERS as readonly string[]).includes(name)) continue
    for (; counted < match.index; counted++) if (source.charCodeAt(counted) === 10) line++
    // One more than is shown is enough to say that there are more.
    if (problems.length > MJML_LIMITS.maxProblems) break
    problems.push({
      line,
      message: `unknown placeholder {{ ${name} }}: use one of ${PLACEHOLDERS.map((known) => `{{ ${known} }}`).join(', ')}`,
    })
  }
  return capProblems(problems)
}

/**
 * A compiled message cut at its placeholders: static pieces around the
 * names. Built once per issue, filled once per reader.
 */
export type PersonalisableTemplate = { pieces: string[]; names: Placeholder[] }

export function splitAtPlaceholders(compiled: string): PersonalisableTemplate {
  const pieces: string[] = []
  const names: Placeholder[] = []
  let last = 0
  for (const match of compiled.matchAll(PLACEHOLDER)) {
    const name = (match[1] ?? '') as Placeholder
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) continue
    pieces.push(compiled.slice(last, match.index))
    names.push(name)
    last = match.index! + match[0].length
  }
  pieces.push(compiled.slice(last))
  return { pieces, names }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Safe in element text and in quoted attribute values, which is where placeholders go. */
export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character])
}

/** One reader's copy: the pieces joined with that reader's escaped values. */
export function fillTemplate(
  template: PersonalisableTemplate,
  values: PlaceholderValues,
  escape: (value: string) => string = escapeHtml
) {
  let out = template.pieces[0]
  for (let index = 0; index < template.names.length; index++) {
    out += escape(values[template.names[index]] ?? '') + template.pieces[index + 1]
  }
  return out
}
