import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'

/*
 * pdftotext (poppler-utils) and qpdf read a PDF as an auditor's tools would:
 * pdftotext -layout keeps the columns on their lines, so a label and its
 * amount can be asserted together, and qpdf --check finds a broken structure
 * that a lenient viewer would hide.
 *
 * Without them the tests that need them are skipped on a developer's machine
 * with the reason printed; in CI (CI set, as .ci/run does) they run and fail.
 */

const run = promisify(execFile)

function onPath(name: string) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, name))
    .find((path) => existsSync(path))
}

const pdftotext = onPath('pdftotext')
const qpdf = onPath('qpdf')
const missing = [!pdftotext && 'pdftotext', !qpdf && 'qpdf'].filter(Boolean).join(' and ')

/** For `test(…).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)`. */
export const PDF_TOOLS = {
  skip: missing !== '' && !process.env.CI,
  reason: `PDF not read back: ${missing} not on the PATH (apt-get install poppler-utils qpdf)`,
}

async function withFile<T>(pdf: Uint8Array, use: (path: string) => Promise<T>) {
  const folder = await mkdtemp(join(tmpdir(), 'kreds-pdf-'))
  try {
    const path = join(folder, 'document.pdf')
    await writeFile(path, pdf)
    return await use(path)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** The text of every page as `pdftotext -layout` lays it out, one string per page. */
export function layoutPages(pdf: Uint8Array): Promise<string[]> {
  if (!pdftotext) throw new Error('pdftotext is not on the PATH (apt-get install poppler-utils)')
  return withFile(pdf, async (path) => {
    const { stdout } = await run(pdftotext, ['-layout', '-enc', 'UTF-8', path, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    })
    // pdftotext ends every page with a form feed, the last one included.
    return stdout.split('\f').slice(0, -1)
  })
}

/** Rejects with qpdf's report unless `qpdf --check` finds the file sound. */
export function qpdfCheck(pdf: Uint8Array): Promise<string> {
  if (!qpdf) throw new Error('qpdf is not on the PATH (apt-get install qpdf)')
  return withFile(pdf, async (path) => (await run(qpdf, ['--check', path])).stdout)
}
