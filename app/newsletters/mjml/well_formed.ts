import { tokenizeMarkup } from './markup_tokens.js'
import { CHILDLESS_TAGS, MJML_TAGS, isMjmlName } from './mjml_tags.js'
import {
  capProblems,
  limitMessage,
  MJML_LIMITS,
  tooLongProblem,
  type MjmlLimits,
} from './limits.js'
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

type OpenElement = {
  name: string
  line: number
  mjml: boolean
  endOptional: boolean
  /** Where it sits in the stack of open elements. */
  index: number
  closed: boolean
}

const neverClosed = (element: OpenElement): MjmlProblem => ({
  line: element.line,
  message: `<${element.name}> is never closed`,
})

/** The last element of a stack that is still open, dropping closed ones from its top on the way. */
function lastOpen(stack: OpenElement[] | undefined) {
  while (stack?.length && stack[stack.length - 1].closed) stack.pop()
  return stack?.at(-1)
}

/**
 * The elements open at a point of the scan. A closing tag may have to look
 * far down (for its opening tag, the enclosing MJML element or the last
 * one that must be closed), so each of those questions has a stack of its
 * own instead of a search through all open elements: an element closed
 * in the middle is only marked, and leaves each stack once. That keeps the
 * whole check linear however deep or broken the markup.
 */
class OpenElements {
  depth = 0
  #all: OpenElement[] = []
  #byName = new Map<string, OpenElement[]>()
  #mjml: OpenElement[] = []
  #mustClose: OpenElement[] = []
  #endOptional: OpenElement[] = []

  push(name: string, line: number, mjml: boolean, endOptional: boolean) {
    const element = { name, line, mjml, endOptional, index: this.#all.length, closed: false }
    this.#all.push(element)
    const sameName = this.#byName.get(name)
    if (sameName) sameName.push(element)
    else this.#byName.set(name, [element])
    if (mjml) this.#mjml.push(element)
    if (mjml && !endOptional) this.#mustClose.push(element)
    if (endOptional) this.#endOptional.push(element)
    // Paragraphs and list items left open do not nest in a mail client.
    if (mjml || !endOptional) this.depth++
  }

  lastNamed = (name: string) => lastOpen(this.#byName.get(name))
  lastMjml = () => lastOpen(this.#mjml)
  lastThatMustClose = () => lastOpen(this.#mustClose)

  close(element: OpenElement) {
    element.closed = true
    if (element.mjml || !element.endOptional) this.depth--
  }

  /** Closes the element and everything opened after it, which `unclosed` hears of, last first. */
  closeFrom(element: OpenElement | null, unclosed: (element: OpenElement) => void) {
    const from = element ? element.index : 0
    for (let index = this.#all.length - 1; index >= from; index--) {
      const inner = this.#all[index]
      if (inner.closed) continue
      this.close(inner)
      if (inner !== element) unclosed(inner)
    }
    this.#all.length = from
  }

  /** Closes the elements opened after `element` whose end tag is optional. */
  closeOptionalAfter(element: OpenElement) {
    for (let last = lastOpen(this.#endOptional); last && last.index > element.index;) {
      this.close(last)
      last = lastOpen(this.#endOptional)
    }
  }
}

export type MarkupCheck = { problems: MjmlProblem[]; overLimit: boolean }

/**
 * Checks that MJML elements are properly nested and closed, which mjml 5
 * itself does not: its parser quietly closes what was left open and drops
 * a misspelt closing tag. Plain HTML inside content elements gets HTML's
 * own, looser rules. The first problems by line are listed.
 */
export function findMarkupProblems(source: string, limits: MjmlLimits = MJML_LIMITS) {
  return capProblems(checkMarkup(source, limits).problems, limits.maxProblems)
}

/**
 * All the problems, and whether the document is beyond a limit: mjml must
 * not see such a document at all.
 */
export function checkMarkup(source: string, limits: MjmlLimits = MJML_LIMITS): MarkupCheck {
  const tooLong = tooLongProblem(source, limits)
  if (tooLong) return { problems: [tooLong], overLimit: true }

  const problems: MjmlProblem[] = []
  const open = new OpenElements()
  let overLimit = false

  /**
   * Only MJML elements must be closed: HTML left open inside a content
   * element ends with it, as it does in a mail client, because mjml wraps
   * that content in an element of its own.
   */
  const reportUnclosed = (element: OpenElement) => {
    if (element.mjml && !element.endOptional) problems.push(neverClosed(element))
  }

  const closeMjml = (name: string, line: number) => {
    const element = open.lastNamed(name)
    if (element) {
      open.closeFrom(element, reportUnclosed)
      return
    }
    const target = open.lastThatMustClose()
    if (!target) {
      problems.push({ line, message: `</${name}> has no opening tag` })
      return
    }
    problems.push({
      line,
      message: `</${name}> closes <${target.name}> opened on line ${target.line}`,
    })
    // A name mjml does not know is taken for a misspelling of the element it
    // was meant to close; a known name is a stray tag and changes nothing.
    if (!MJML_TAGS.has(name)) open.closeFrom(target, reportUnclosed)
  }

  const closeHtml = (name: string, line: number) => {
    if (VOID_ELEMENTS.has(name)) return
    // HTML cannot close anything outside the MJML element it is written in.
    const boundary = open.lastMjml()
    const element = open.lastNamed(name)
    if (element && (!boundary || element.index > boundary.index)) {
      // Misnested inline markup such as `<b><i>…</b></i>` is common and
      // harmless: only what may end implicitly goes along with the element.
      open.close(element)
      open.closeOptionalAfter(element)
    } else if (!OPTIONAL_END.has(name)) {
      // A stray closing tag can close the wrapper mjml puts around the content.
      problems.push({ line, message: `</${name}> has no opening tag` })
    }
  }

  for (const token of tokenizeMarkup(source)) {
    if (token.kind === 'broken') {
      problems.push({ line: token.line, message: token.message })
      return { problems: sortByLine(problems), overLimit }
    }
    const mjml = isMjmlName(token.name)
    if (token.kind === 'close') {
      if (mjml) closeMjml(token.name, token.line)
      else closeHtml(token.name, token.line)
      continue
    }
    if (token.attributeCount > limits.maxAttributes) {
      overLimit = true
      const data = { tag: token.name, max: limits.maxAttributes }
      problems.push({ line: token.line, message: limitMessage('too_many_attributes', data) })
    }
    if (!token.selfClosing && (mjml || !VOID_ELEMENTS.has(token.name))) {
      const endOptional = mjml ? CHILDLESS_TAGS.has(token.name) : OPTIONAL_END.has(token.name)
      open.push(token.name, token.line, mjml, endOptional)
      if (open.depth > limits.maxDepth) {
        // What would be reported further in is only noise around this.
        const data = { tag: token.name, max: limits.maxDepth }
        problems.push({ line: token.line, message: limitMessage('too_deep', data) })
        return { problems: sortByLine(problems), overLimit: true }
      }
    }
  }
  open.closeFrom(null, reportUnclosed)
  return { problems: sortByLine(problems), overLimit }
}

function sortByLine(problems: MjmlProblem[]) {
  return problems.toSorted((a, b) => a.line - b.line)
}
