import { tokenizeMarkup } from './markup_tokens.js'
import { CHILDLESS_TAGS, MJML_TAGS, isMjmlName } from './mjml_tags.js'
import type { MjmlProblem } from './problem.js'

/** HTML elements that never have content or a closing tag. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/**
 * HTML elements whose closing tag the HTML standard lets authors leave out.
 * Text written in mj-text is full of `<p>` and `<li>` without one, and every
 * mail client copes, so only other elements have to be closed.
 */
const OPTIONAL_END = new Set([
  'body',
  'caption',
  'colgroup',
  'dd',
  'dt',
  'head',
  'html',
  'li',
  'optgroup',
  'option',
  'p',
  'rp',
  'rt',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
])

type OpenElement = { name: string; line: number; mjml: boolean; endOptional: boolean }

const neverClosed = (element: OpenElement): MjmlProblem => ({
  line: element.line,
  message: `<${element.name}> is never closed`,
})

/**
 * Checks that MJML elements are properly nested and closed, which mjml 5
 * itself does not: its parser quietly closes what was left open and drops
 * a misspelt closing tag. Plain HTML inside content elements gets HTML's
 * own, looser rules.
 */
export function findMarkupProblems(source: string): MjmlProblem[] {
  const problems: MjmlProblem[] = []
  const open: OpenElement[] = []

  /**
   * Closes everything above `index`. Only MJML elements must be closed:
   * HTML left open inside a content element ends with it, as it does in a
   * mail client, because mjml wraps that content in an element of its own.
   */
  const closeAbove = (index: number) => {
    for (const element of open.splice(index + 1).reverse()) {
      if (element.mjml && !element.endOptional) problems.push(neverClosed(element))
    }
  }

  const closeMjml = (name: string, line: number) => {
    const index = open.findLastIndex((element) => element.name === name)
    if (index !== -1) {
      closeAbove(index)
      open.pop()
      return
    }
    const current = open.findLastIndex((element) => element.mjml && !element.endOptional)
    if (current === -1) {
      problems.push({ line, message: `</${name}> has no opening tag` })
      return
    }
    const target = open[current]
    problems.push({
      line,
      message: `</${name}> closes <${target.name}> opened on line ${target.line}`,
    })
    // A name mjml does not know is taken for a misspelling of the element it
    // was meant to close; a known name is a stray tag and changes nothing.
    if (!MJML_TAGS.has(name)) {
      closeAbove(current)
      open.pop()
    }
  }

  const closeHtml = (name: string, line: number) => {
    if (VOID_ELEMENTS.has(name)) return
    // HTML cannot close anything outside the MJML element it is written in.
    const boundary = open.findLastIndex((element) => element.mjml)
    const index = open.findLastIndex((element, at) => at > boundary && element.name === name)
    if (index !== -1) {
      // Misnested inline markup such as `<b><i>…</b></i>` is common and
      // harmless: only what may end implicitly goes along with the element.
      const above = open.splice(index + 1).filter((element) => !element.endOptional)
      open.splice(index, 1, ...above)
    } else if (!OPTIONAL_END.has(name)) {
      // A stray closing tag can close the wrapper mjml puts around the content.
      problems.push({ line, message: `</${name}> has no opening tag` })
    }
  }

  for (const token of tokenizeMarkup(source)) {
    if (token.kind === 'broken') {
      problems.push({ line: token.line, message: token.message })
      return sortByLine(problems)
    }
    const mjml = isMjmlName(token.name)
    if (token.kind === 'close') {
      if (mjml) closeMjml(token.name, token.line)
      else closeHtml(token.name, token.line)
    } else if (!token.selfClosing && (mjml || !VOID_ELEMENTS.has(token.name))) {
      const endOptional = mjml ? CHILDLESS_TAGS.has(token.name) : OPTIONAL_END.has(token.name)
      open.push({ name: token.name, line: token.line, mjml, endOptional })
    }
  }
  closeAbove(-1)
  return sortByLine(problems)
}

function sortByLine(problems: MjmlProblem[]) {
  return problems.toSorted((a, b) => a.line - b.line)
}
