import { basename, dirname, relative, resolve, sep } from 'node:path'
import mjml2html from 'mjml'
import { findIncludeProblems } from './includes.js'
import { capProblems, framedLimits, limitMessage, MJML_LIMITS } from './limits.js'
import type { MjmlProblem } from './problem.js'
import { checkMarkup } from './well_formed.js'
import { translateMjmlMessage } from '#newsletters/checks/mjml_messages'

export type { MjmlProblem } from './problem.js'

export type MjmlCheck = { problems: MjmlProblem[]; html: string | null }

type MjmlError = { line: number; message: string; tagName?: string; formattedMessage?: string }

/**
 * mjml only says that an error sits in an included file through its
 * formatted message, which also holds absolute paths: read the chain of
 * includes from it, and show the file relative to the newsletter instead.
 * The message reads `Line 3 of FILE, included at line 7 of file OUTER,
 * itself included at … (mj-text) — what is wrong`; it is taken apart with
 * plain searches because the part after the dash can be long and quotes
 * what the author wrote.
 */
function includedError(formatted: string) {
  const head = /^Line \d+ of /.exec(formatted)
  const marker = ', included at '
  const at = head ? formatted.indexOf(marker, head[0].length + 1) : -1
  if (!head || at === -1) return null
  // Tag names hold no parentheses, so the first `) — ` ends the chain.
  const end = formatted.indexOf(') — ', at)
  const tagStart = end === -1 ? -1 : formatted.lastIndexOf(' (', end)
  if (tagStart < at + marker.length) return null
  const chain = formatted.slice(at + marker.length, tagStart)
  const includeLine = [...chain.matchAll(/line (\d+) of file /g)].at(-1)
  if (!includeLine) return null
  return { file: formatted.slice(head[0].length, at), line: Number(includeLine[1]) }
}

function locate(error: MjmlError, folder: string | undefined): MjmlProblem {
  const included = folder ? includedError(error.formattedMessage ?? '') : null
  // mjml's English sentence, in the association's language where Kreds knows its form.
  const { message, detail } = translateMjmlMessage(error.message, error.tagName)
  const withDetail = detail ? { detail } : {}
  if (!folder || !included) return { line: error.line || 1, message, ...withDetail }
  const file = relative(folder, included.file).split(sep).join('/')
  return {
    line: included.line,
    message: `in "${file}" line ${error.line}: ${message}`,
    ...withDetail,
  }
}

/** Error messages from mjml may name files by absolute path; nobody needs to see those. */
function withoutPaths(message: string, folder: string | undefined) {
  const relativeToFolder = folder ? message.replaceAll(folder + sep, '') : message
  return relativeToFolder.replaceAll(/(?<![\w.<])\/(?:[^\s'"<>/]+\/)+[^\s'"<>/]*/g, (path) =>
    basename(path)
  )
}

async function compile(source: string, filePath: string | undefined) {
  const folder = filePath ? dirname(resolve(filePath)) : undefined
  try {
    const result = await mjml2html(source, {
      validationLevel: 'soft',
      // Without a file to resolve them against, mjml would read includes
      // relative to the working directory of the process.
      ignoreIncludes: !filePath,
      // The folder rather than the file, so that a newsletter not yet saved
      // under that name can still use includes next to it.
      ...(folder ? { filePath: folder } : {}),
      minify: false,
    })
    const problems = result.errors.map((error) => locate(error, folder))
    return { html: result.html, problems }
  } catch (error) {
    const { message, line } = error as { message?: unknown; line?: unknown }
    return {
      html: null,
      problems: [
        {
          line: typeof line === 'number' && line >= 1 ? line : 1,
          ...translateMjmlMessage(withoutPaths(String(message ?? error), folder)),
        },
      ],
    }
  }
}

/**
 * Checks a newsletter's MJML before anyone sends it: structure mjml would
 * quietly repair, includes it would quietly drop, and mjml's own
 * validation. The HTML is only returned when there is nothing to fix.
 * Give `filePath` for a file on disk, so that its includes can be followed.
 */
export async function checkMjml(
  source: string,
  options: { filePath?: string } = {}
): Promise<MjmlCheck> {
  const { filePath } = options
  const limits = framedLimits()
  const markup = checkMarkup(source, limits)
  // mjml's own work grows faster than the document beyond these limits.
  if (markup.overLimit) return { problems: capProblems(markup.problems), html: null }
  const includes = await findIncludeProblems(source, filePath, limits)
  if (includes.overLimit) {
    return { problems: capProblems([...markup.problems, ...includes.problems]), html: null }
  }

  const compiled = await compile(source, filePath)
  // A broken include also makes mjml throw (a loop, say); one report of it is enough.
  const mjmlProblems = compiled.html === null && includes.problems.length ? [] : compiled.problems
  const htmlLength = compiled.html?.length ?? 0
  if (htmlLength > MJML_LIMITS.maxHtmlLength) {
    const data = { length: htmlLength, max: MJML_LIMITS.maxHtmlLength }
    mjmlProblems.push({ line: 1, message: limitMessage('html_too_long', data) })
  }

  const seen = new Set<string>()
  const problems = [...markup.problems, ...includes.problems, ...mjmlProblems].filter((problem) => {
    const key = `${problem.line}\n${problem.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { problems: capProblems(problems), html: problems.length ? null : compiled.html }
}
