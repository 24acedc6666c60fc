import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { BrowserContext, Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import type { Role } from '#identity/roles'
import { issueAssemblyLink } from '#assemblies/links'
import { appRoutes, fillPattern, type AppRoute } from '#tests/helpers/routes'
import { createRouteRecords, paramsFor, type RouteRecords } from '#tests/helpers/route_records'
import { giveLongNames } from '#tests/helpers/long_names'
import {
  accessibilityViolations,
  documentWidthOnPhone,
  PHONE_WIDTH,
} from '#tests/helpers/page_checks'

/*
| Every page of the app, read from the router, opened in Chromium by the
| people who use it: axe against WCAG 2.1 A/AA and a 360 px phone. A staff
| page is checked as the first role in ROLE_ORDER that may open it (the one
| whose work it is), so each page is seen once with the buttons its everyday
| user sees, and admin covers what only admin may open. Files (PDF, CSV,
| XLSX, XML, JSON) are not pages and are left out by their content type.
*/

const ROLE_ORDER: Role[] = ['board', 'treasurer', 'secretariat', 'admin']

/**
 * Routes that are not pages of the app: a live event stream, a liveness
 * answer, stored images, and a stored mail shown as it was sent (a mail's
 * own HTML is checked before sending, by the newsletter checks).
 */
const NOT_PAGES = new Set(['/__transmit/events', '/ping', '/media/:key/:file', '/outbox/:id/html'])

type Finding = { path: string; problems: string[] }

function getRoutes(filter: (route: AppRoute) => boolean) {
  return appRoutes().filter(
    (route) => route.method === 'GET' && !NOT_PAGES.has(route.pattern) && filter(route)
  )
}

/**
 * What is wrong with the page at the path, or null when it is not a page
 * (a file, or a page this visitor may not open: the role checks are tested
 * route by route elsewhere).
 */
async function checkPage(context: BrowserContext, page: Page, path: string) {
  const probe = await context.request.get(path, { maxRedirects: 0 })
  if (probe.status() === 403 || probe.status() === 404) return null
  const type = probe.headers()['content-type'] ?? ''
  if (probe.status() >= 500) return [`status ${probe.status()}`]
  if (!type.startsWith('text/html')) return null

  await page.goto(path)
  const problems = await accessibilityViolations(page)
  const phone = await documentWidthOnPhone(page)
  if (phone.width > PHONE_WIDTH)
    problems.push(`${phone.width} px wide at ${PHONE_WIDTH} px: ${phone.culprits.join(', ')}`)
  return problems
}

async function sweep(context: BrowserContext, paths: string[]) {
  const page = await context.newPage()
  const findings: Finding[] = []
  const checked: string[] = []
  for (const path of paths) {
    const problems = await checkPage(context, page, path)
    if (problems === null) continue
    checked.push(path)
    if (problems.length > 0) findings.push({ path, problems })
  }
  await page.close()
  return { findings, checked }
}

function report(findings: Finding[]) {
  return findings.map((finding) => `${finding.path}\n  ${finding.problems.join('\n  ')}`).join('\n')
}

function pathOf(route: AppRoute, records: RouteRecords) {
  return fillPattern(route.pattern, paramsFor(route, records))
}

test.group('Every page in Chromium', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(600_000)

  test('every staff page passes axe and fits a phone, as the role whose work it is', async ({
    browserContext,
    assert,
  }) => {
    const records = await createRouteRecords()
    await giveLongNames(records)
    const staffRoutes = getRoutes((route) => route.middleware.includes('auth'))
    const remaining = new Map(staffRoutes.map((route) => [route.name, route]))
    const findings: Finding[] = []
    const checkedBy: Record<string, string[]> = {}

    for (const role of ROLE_ORDER) {
      const user = await UserFactory.apply(role).create()
      await browserContext.clearCookies()
      await browserContext.loginAs(user)
      // The start page differs by role, so every role's own is checked.
      const paths = [
        ...new Set(['/', ...[...remaining.values()].map((route) => pathOf(route, records))]),
      ]
      const result = await sweep(browserContext, paths)
      findings.push(...result.findings)
      checkedBy[role] = result.checked
      for (const route of [...remaining.values()]) {
        if (result.checked.includes(pathOf(route, records))) remaining.delete(route.name)
      }
    }

    assert.equal(report(findings), '')
    assert.isAbove(new Set(Object.values(checkedBy).flat()).size, 40, 'staff pages reached')
    for (const role of ROLE_ORDER) assert.include(checkedBy[role], '/', `${role}'s start page`)
  })

  test('every page of the member portal passes axe and fits a phone', async ({
    browserContext,
    assert,
  }) => {
    const records = await createRouteRecords()
    await giveLongNames(records)
    await browserContext.withGuard('member').loginAs(records.contact)
    const paths = getRoutes((route) => route.middleware.includes('member')).map((route) =>
      pathOf(route, records)
    )
    const { findings, checked } = await sweep(browserContext, paths)
    assert.equal(report(findings), '')
    assert.isAtLeast(checked.length, 3, 'portal pages reached')
  })

  test('every public page passes axe and fits a phone', async ({ browserContext, assert }) => {
    const records = await createRouteRecords()
    await giveLongNames(records)
    const publicRoutes = getRoutes(
      (route) => !route.middleware.includes('auth') && !route.middleware.includes('member')
    )
    const paths = publicRoutes.map((route) => pathOf(route, records))
    // A delegate's personal link opens the voting page itself, not its refusal.
    const vote = new URL(await issueAssemblyLink(records.assembly.id, records.organisation.id))
    paths.push(vote.pathname)
    const { findings, checked } = await sweep(browserContext, paths)
    assert.equal(report(findings), '')
    assert.include(checked, vote.pathname)
    assert.include(checked, '/login')
  })
})
