import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom'

/*
 * The official OIOUBL schematron (tests/fixtures/oioubl, see its README) run
 * by xsltproc, the XSLT 1.0 processor Debian ships: the stylesheets are
 * 1–2 MB of XSLT 1.0 that xsltproc reads in a few milliseconds.
 *
 * Without xsltproc the tests that need it are skipped on a developer's
 * machine with the reason printed; in CI (CI set, as .ci/run does) they run
 * and fail, as a missing Chromium fails the browser suite there.
 */

const FOLDER = fileURLToPath(new URL('../fixtures/oioubl/', import.meta.url))
const STYLESHEETS: Record<string, string> = {
  Invoice: 'OIOUBL_Invoice_Schematron.xsl',
  CreditNote: 'OIOUBL_CreditNote_Schematron.xsl',
  Reminder: 'OIOUBL_Reminder_Schematron.xsl',
}

/** XSLTPROC_PATH when set (a path that does not exist means "none"), else xsltproc on the PATH. */
export function findXsltproc(): { path: string } | { missing: string } {
  const configured = process.env.XSLTPROC_PATH
  if (configured) {
    return existsSync(configured)
      ? { path: configured }
      : { missing: `XSLTPROC_PATH=${configured} does not exist` }
  }
  const found = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, 'xsltproc'))
    .find((path) => existsSync(path))
  return found ? { path: found } : { missing: 'xsltproc is not on the PATH' }
}

const xsltproc = findXsltproc()
const missing = 'missing' in xsltproc ? xsltproc.missing : null

/** For `test(…).skip(SCHEMATRON.skip, SCHEMATRON.reason)`. */
export const SCHEMATRON = {
  skip: missing !== null && !process.env.CI,
  reason: `OIOUBL schematron not run: ${missing} (apt-get install xsltproc, or set XSLTPROC_PATH)`,
}

export type SchematronError = { rule: string; description: string; xpath: string }

/**
 * Every `<Error>` the schematron for the document's type (Invoice, CreditNote
 * or Reminder, from its root element) reports; none means it passes.
 */
export async function schematronErrors(xml: string): Promise<SchematronError[]> {
  if ('missing' in xsltproc) {
    throw new Error(
      `The OIOUBL schematron needs xsltproc and it was not found: ${xsltproc.missing} (apt-get install xsltproc, or set XSLTPROC_PATH).`
    )
  }
  const root = parseXml(xml).documentElement!
  const stylesheet = STYLESHEETS[root.localName ?? '']
  if (!stylesheet) throw new Error(`No OIOUBL schematron for a <${root.localName}> document`)

  const report = await run(xsltproc.path, [join(FOLDER, stylesheet), '-'], xml)
  const schematron = parseXml(report).documentElement!
  // A report without its Information line means the stylesheet did not run as meant.
  const information = schematron.getElementsByTagName('Information')[0]?.textContent ?? ''
  if (!information.startsWith('Checking OIOUBL')) {
    throw new Error(`xsltproc gave no schematron report:\n${report.slice(0, 500)}`)
  }
  return Array.from(schematron.getElementsByTagName('Error')).map((error) => ({
    rule: /^\[([^\]]+)\]/.exec(childText(error, 'Description'))?.[1] ?? '',
    description: childText(error, 'Description').trim(),
    xpath: childText(error, 'Xpath').trim(),
  }))
}

/** For an assertion message: one line per error. */
export function describeErrors(errors: SchematronError[]) {
  return errors.map((error) => `${error.description} at ${error.xpath}`).join('\n')
}

function parseXml(xml: string) {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, 'application/xml')
}

function childText(element: Element, name: string) {
  return element.getElementsByTagName(name)[0]?.textContent ?? ''
}

function run(command: string, args: string[], input: string) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'))
      else reject(new Error(`xsltproc exited ${code}: ${Buffer.concat(stderr).toString('utf8')}`))
    })
    child.stdin.end(input, 'utf8')
  })
}
