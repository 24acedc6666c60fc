import app from '@adonisjs/core/services/app'
import type { I18nManager } from '@adonisjs/i18n'
import type { MjmlProblem } from './problem.js'

/**
 * Taken from the app once it has booted. `node ace newsletters:check` does
 * not boot it, and a script may check MJML without an app at all: their
 * messages are English.
 */
let i18nManager: I18nManager | undefined
await app?.booted(async () => {
  i18nManager = await app.container.make('i18n')
})

/**
 * How much MJML Kreds checks and hands to mjml. The real newsletters in
 * ../shared/mjml-corpus are at most 22 KB, nest at most 9 elements deep and
 * put a handful of attributes on a tag; each limit leaves several times
 * that room. Measured on mjml 5.4, 100,000 characters of the most
 * expensive body markup took mjml under a second; its check of unknown
 * attributes grows with the square of their number on one tag (40,000
 * took eight minutes), and a carousel's HTML with the square of its images.
 */
export const MJML_LIMITS = {
  /** Characters of MJML in one document, checked before anything else reads it. */
  maxLength: 100_000,
  /** Elements open inside one another. */
  maxDepth: 100,
  /** Attributes on one tag. */
  maxAttributes: 50,
  /** mj-include followed from one file, counting a file each time it is included. */
  maxIncludes: 50,
  /** Characters of compiled HTML; Gmail already clips a message after 102 KB. */
  maxHtmlLength: 5_000_000,
  /** Problems listed for one document: the rest show up once these are fixed. */
  maxProblems: 100,
  /** Room for the house template the composer puts around what the secretariat wrote. */
  frame: { length: 10_000, depth: 10 },
}

export type MjmlLimits = typeof MJML_LIMITS

/**
 * The limits for a whole document, which may be what an author wrote inside
 * a frame of the app's own: the frame must not push a text that passed the
 * author's check over a limit when the whole is checked again.
 */
export function framedLimits(limits: MjmlLimits = MJML_LIMITS): MjmlLimits {
  return {
    ...limits,
    maxLength: limits.maxLength + limits.frame.length,
    maxDepth: limits.maxDepth + limits.frame.depth,
  }
}

type LimitMessage =
  | 'too_long'
  | 'too_deep'
  | 'too_many_attributes'
  | 'too_many_includes'
  | 'html_too_long'
  | 'more_problems'

/** Where there is no i18n (see above). */
const ENGLISH: Record<LimitMessage, (data: Record<string, string | number>) => string> = {
  too_long: ({ length, max }) =>
    `the MJML is ${length} characters long; at most ${max} are allowed`,
  too_deep: ({ tag, max }) =>
    `<${tag}> is nested too deep: at most ${max} elements inside each other`,
  too_many_attributes: ({ tag, max }) => `<${tag}> has more than ${max} attributes`,
  too_many_includes: ({ max }) => `more than ${max} mj-include in all`,
  html_too_long: ({ length, max }) =>
    `the compiled HTML would be ${length} characters long; at most ${max} are allowed`,
  more_problems: ({ max }) => `more problems than the ${max} listed; fix these first`,
}

/**
 * A limit's message in the association's language, which is also the
 * language of the composer. Each message names the limit, so the
 * secretariat knows how much to cut.
 */
export function limitMessage(key: LimitMessage, data: Record<string, string | number>) {
  if (!i18nManager) return ENGLISH[key](data)
  return i18nManager.locale(i18nManager.defaultLocale).t(`newsletters.mjml_limits.${key}`, data)
}

export function tooLongProblem(source: string, limits: Pick<MjmlLimits, 'maxLength'>) {
  if (source.length <= limits.maxLength) return null
  return {
    line: 1,
    message: limitMessage('too_long', { length: source.length, max: limits.maxLength }),
  }
}

/**
 * The first problems by line, and a note that there are more: thousands of
 * copies of one mistake help nobody and would make every preview heavy.
 */
export function capProblems(problems: MjmlProblem[], max = MJML_LIMITS.maxProblems) {
  const sorted = problems.toSorted((a, b) => a.line - b.line)
  if (sorted.length <= max) return sorted
  const rest = sorted[max]
  return [
    ...sorted.slice(0, max),
    { line: rest.line, message: limitMessage('more_problems', { max }) },
  ]
}
