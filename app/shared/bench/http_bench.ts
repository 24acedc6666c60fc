import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { readerToken } from '#newsletters/reader_links'
import { ImportMembers } from '#members/actions/import_members'
import { Actors } from '#audit/actor'
import type { Figure } from '#shared/bench/report'
import { productionBuild, productionBuildEnv } from '#shared/bench/production_build'
import { startProcess } from '#tests/helpers/processes'
import { logIn } from '#shared/bench/visitor'

const IMPORT_ROWS = 10_000

/** The web server as production runs it, on this process's database. */
export async function startServer(): Promise<{ base: string; stop(): Promise<void> }> {
  const base = `http://127.0.0.1:${env.get('PORT')}`
  const server = await startProcess(['bin/server.js'], {
    cwd: productionBuild(),
    env: { NODE_ENV: 'production', ...productionBuildEnv() },
    // The bench's server logs nothing: it is ready when it answers.
    readyWhen: () => fetch(`${base}/ping`).then((response) => response.ok),
  })
  return { base, stop: () => server.stop() }
}

type LoadResult = {
  requests: { average: number }
  latency: { p99: number }
  errors: number
  non2xx: number
}

/** autocannon in a process of its own, so the load does not share this one's event loop. */
function load(url: string, connections: number): LoadResult {
  const run = spawnSync(
    process.execPath,
    ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', '10', '--json', url],
    { cwd: app.appRoot.pathname, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as LoadResult
}

/** Many people opening one issue's share links at once, against a route that does nothing. */
export async function sharePageFigure(base: string, log: (line: string) => void): Promise<Figure> {
  const delivery = await db
    .from('newsletter_deliveries')
    .join('newsletter_issues', 'newsletter_issues.id', 'newsletter_deliveries.issue_id')
    .where('newsletter_issues.status', 'sent')
    .orderBy('newsletter_deliveries.id')
    .select('newsletter_deliveries.id')
    .firstOrFail()
  const url = `${base}/del/${readerToken('share', Number(delivery.id))}`
  const check = await fetch(url)
  if (check.status !== 200) throw new Error(`the share page did not answer 200: ${url}`)
  log('share_page: 10 s of a bare route, then 10 s of a share page, 64 connections…')
  const bare = load(`${base}/ping`, 64)
  const page = load(url, 64)
  return {
    name: 'share_page',
    value: page.requests.average,
    unit: 'requests/s',
    baseline: bare.requests.average,
    ratio: page.requests.average / bare.requests.average,
    target: 'ratio >= 0.5',
    p99_ms: page.latency.p99,
    errors: page.errors + page.non2xx,
  }
}

/** A Danish Excel file of `rows` organisations, as the board would import it. */
function importFile(rows: number) {
  const lines = ['Navn;Type;Adresse;Postnr;By;Kontaktperson;E-mail;Telefon;Indmeldt']
  for (let index = 1; index <= rows; index++) {
    lines.push(
      [
        `Forening nr. ${index} for socialt arbejde`,
        index % 10 === 0 ? 'Fond' : 'Forening',
        `Vestergade ${index % 200}`,
        String(1000 + (index % 8900)),
        index % 2 ? 'København' : 'Århus',
        `Kontakt Person ${index}`,
        `kontakt${index}@forening${index}.dk`,
        `+45 ${String(20000000 + index)}`,
        '15-01-2021',
      ].join(';')
    )
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n')])
}

/** The board importing IMPORT_ROWS organisations; how long the import itself took. */
async function importOrganisations() {
  const file = importFile(IMPORT_ROWS)
  const started = performance.now()
  const result = await new ImportMembers().handle(
    { file, fileName: 'bench.csv', dryRun: false },
    Actors.system('bench')
  )
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 'imported') throw new Error(`the import was refused: ${result.status}`)
  return { result, seconds }
}

export async function memberImportFigure(log: (line: string) => void): Promise<Figure> {
  log(`member_import: ${IMPORT_ROWS} rows…`)
  const { result, seconds } = await importOrganisations()
  return {
    name: 'member_import',
    value: IMPORT_ROWS / seconds,
    unit: 'rows/s',
    target: '>= 10000 rows/s',
    rows: result.plan.plans.filter((plan) => plan.kind === 'new').length,
  }
}

/** The board searching the register and opening the first page, one request at a time. */
export async function memberListFigure(base: string, log: (line: string) => void): Promise<Figure> {
  const before = await db.from('organisations').count('* as total').first()
  // Measured over a register of 10,000, whether or not member_import ran first.
  if (Number(before.total) < IMPORT_ROWS) {
    log(`member_list: importing ${IMPORT_ROWS} organisations first…`)
    await importOrganisations()
  }
  const organisations = await db.from('organisations').count('* as total').first()
  const { cookie } = await logIn(base, 'board@example.org', '/members')
  const searches = ['', 'forening', 'socialt arbejde', 'Århus', 'kontakt4', 'fond', 'nr. 77']
  const check = await fetch(`${base}/members?q=forening`, { headers: { cookie } })
  if (check.status !== 200 || check.redirected) throw new Error('the board could not log in')
  log(`member_list: 300 requests, one at a time, over ${organisations.total} organisations…`)
  const times: number[] = []
  for (let index = 0; index < 300; index++) {
    const q = searches[index % searches.length]
    const started = performance.now()
    const response = await fetch(`${base}/members?q=${encodeURIComponent(q)}`, {
      headers: { cookie },
    })
    await response.text()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return {
    name: 'member_list',
    value: times[Math.floor(times.length * 0.5)],
    unit: 'ms (median)',
    target: 'p95 < 50 ms',
    p95_ms: times[Math.floor(times.length * 0.95)],
    organisations: Number(organisations.total),
  }
}
