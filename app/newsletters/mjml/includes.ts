import { readFile, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { tokenizeMarkup } from './markup_tokens.js'
import { limitMessage, MJML_LIMITS, type MjmlLimits } from './limits.js'
import { CONTENT_TAGS } from './mjml_tags.js'
import type { MjmlProblem } from './problem.js'
import { checkMarkup } from './well_formed.js'

type Include = { line: number; path: string | undefined; type: string | undefined }

/** The mj-include tags mjml acts on: those inside content elements are just text to it. */
function findIncludes(source: string): Include[] {
  const includes: Include[] = []
  let contentDepth = 0
  for (const token of tokenizeMarkup(source)) {
    if (token.kind === 'broken') break
    if (token.kind === 'close') {
      if (CONTENT_TAGS.has(token.name)) contentDepth = Math.max(0, contentDepth - 1)
    } else if (token.name === 'mj-include' && contentDepth === 0) {
      const { attributes } = token
      includes.push({
        line: token.line,
        path: attributes.get('path'),
        type: attributes.get('type'),
      })
    } else if (CONTENT_TAGS.has(token.name) && !token.selfClosing) {
      contentDepth++
    }
  }
  return includes
}

/** mjml accepts percent-encoded paths, however many times encoded. */
function decodePath(path: string) {
  let decoded = path
  for (let round = 0; round < 10; round++) {
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return decoded
    }
    if (next === decoded) return decoded
    decoded = next
  }
  return decoded
}

const isInside = (folder: string, target: string) => {
  const path = relative(folder, target)
  return path !== '' && !path.startsWith('..') && !isAbsolute(path)
}

export type IncludeCheck = { problems: MjmlProblem[]; overLimit: boolean }

/**
 * What following the includes has cost so far. mjml copies a file in each
 * time it is included, so a few files that include each other several
 * times make a document that grows exponentially: count every inclusion.
 */
type Budget = { includes: number; characters: number; overLimit: boolean; limits: MjmlLimits }

/**
 * Follows every mj-include the way mjml 5 does (relative to the including
 * file, never outside its folder), because mjml silently leaves out an
 * include it cannot use. Problems inside an included file are reported on
 * the line of the mj-include that brought it in.
 */
export async function findIncludeProblems(
  source: string,
  filePath?: string,
  limits: MjmlLimits = MJML_LIMITS
): Promise<IncludeCheck> {
  if (!filePath) {
    const problems = findIncludes(source).map(({ line }) => ({
      line,
      message: 'mj-include is not allowed here',
    }))
    return { problems, overLimit: false }
  }
  const file = resolve(filePath)
  const budget: Budget = { includes: 0, characters: source.length, overLimit: false, limits }
  const chain = [await realpath(file).catch(() => file)]
  const problems = await checkIncludes(source, file, chain, budget)
  return { problems, overLimit: budget.overLimit }
}

async function checkIncludes(source: string, file: string, chain: string[], budget: Budget) {
  const problems: MjmlProblem[] = []
  for (const include of findIncludes(source)) {
    if (budget.overLimit) break
    const found = await checkInclude(include, dirname(file), chain, budget)
    problems.push(...found.map((message) => ({ line: include.line, message })))
  }
  return problems
}

/** The problems with one include, as messages for the including line. */
async function checkInclude(
  { path, type }: Include,
  folder: string,
  chain: string[],
  budget: Budget
) {
  if (!path) return ['mj-include has no path']
  const decoded = decodePath(path)
  if (decoded.includes('\0') || isAbsolute(decoded) || /^([a-z]:|\\|\/\/)/i.test(decoded)) {
    return [`mj-include "${path}" must be a path relative to the file`]
  }
  const target = resolve(folder, decoded)
  if (!isInside(folder, target)) return [`mj-include "${path}" is outside the file's folder`]

  let content: string
  let real: string
  try {
    content = await readFile(target, 'utf8')
    real = await realpath(target)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    return [`mj-include "${path}" ${missing ? 'not found' : 'cannot be read'}`]
  }
  if (!isInside(await realpath(folder), real)) {
    return [`mj-include "${path}" is outside the file's folder`]
  }
  if (chain.includes(real)) return [`mj-include "${path}" includes a file that includes it again`]

  const { limits } = budget
  budget.includes++
  budget.characters += content.length
  if (budget.includes > limits.maxIncludes) {
    budget.overLimit = true
    return [limitMessage('too_many_includes', { max: limits.maxIncludes })]
  }
  if (budget.characters > limits.maxLength) {
    budget.overLimit = true
    return [limitMessage('too_long', { length: budget.characters, max: limits.maxLength })]
  }
  if (type === 'css' || type === 'html') return []

  const markup = checkMarkup(content, limits)
  if (markup.overLimit) budget.overLimit = true
  const inner = [
    ...markup.problems,
    ...(await checkIncludes(content, target, [...chain, real], budget)),
  ].toSorted((a, b) => a.line - b.line)
  return inner.map((problem) => `in "${path}" line ${problem.line}: ${problem.message}`)
}
