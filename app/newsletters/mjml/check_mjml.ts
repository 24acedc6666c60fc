import { basename, dirname, relative, resolve, sep } from 'node:path'
import mjml2html from 'mjml'
import { findIncludeProblems } from './includes.js'
import type { MjmlProblem } from './problem.js'
import { findMarkupProblems } from './well_formed.js'

export type { MjmlProblem } from './problem.js'

export type MjmlCheck = { problems: MjmlProblem[]; html: string | null }

type MjmlError = { line: number; message: string; formattedMessage?: string }

/**
 * mjml only says that an error sits in an included file through its
 * formatted message, which also holds absolute paths: read the chain of
 * includes from it, and show the file relative to the newsletter instead.
 */
const INCLUDED_ERROR = /^Line \d+ of (.+?), included at (.*) \([^()]*\) — /s

function locate(error: MjmlError, folder: string | undefined): MjmlProblem {
  const match = folder ? INCLUDED_ERROR.exec(error.formattedMessage ?? '') : null
  const includeLine = match ? [...match[2].matchAll(/line (\d+) of file /g)].at(-1) : undefined
  if (!folder || !match || !includeLine) return { line: error.line || 1, message: error.message }
  const file = relative(folder, match[1]).split(sep).join('/')
  return {
    line: Number(includeLine[1]),
    message: `in "${file}" line ${error.line}: ${error.message}`,
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
          message: withoutPaths(String(message ?? error), folder),
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
  const includeProblems = await findIncludeProblems(source, filePath)
  const compiled = await compile(source, filePath)
  // A broken include also makes mjml throw (a loop, say); one report of it is enough.
  const mjmlProblems = compiled.html === null && includeProblems.length ? [] : compiled.problems

  const seen = new Set<string>()
  const problems = [...findMarkupProblems(source), ...includeProblems, ...mjmlProblems]
    .filter((problem) => {
      const key = `${problem.line}\n${problem.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .toSorted((a, b) => a.line - b.line)
  return { problems, html: problems.length ? null : compiled.html }
}
