import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { ROLES, type Role } from '#identity/roles'
import { PERMISSIONS, type Permission } from '#identity/permissions'
import { UserFactory } from '#database/factories/user_factory'
import { appRoutes, fillPattern, type AppRoute } from '#tests/helpers/routes'
import { createRouteRecords, paramsFor, type RouteRecords } from '#tests/helpers/route_records'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

/** Routes every logged-in staff member may use whatever the role: their own session. */
const SIGNED_IN = 'signed in'

/**
 * Every staff route (the `auth` middleware) and the permission of
 * app/identity/permissions.ts that guards it. A route missing here fails the
 * first test, so a new staff route is classified the day it is added.
 */
const GUARDS: Record<string, Permission | typeof SIGNED_IN> = {
  'outbox.index': 'outbox.view',
  'outbox.show': 'outbox.view',
  'outbox.html': 'outbox.view',
  'failed_jobs.index': 'operations.manage',
  'failed_jobs.retry': 'operations.manage',
  'backups.index': 'operations.manage',
  'backups.update_settings': 'operations.manage',
  'dashboard.show': 'dashboard.view',
  'settings.edit': 'settings.manage',
  'settings.update': 'settings.manage',
  'audit_events.index': 'audit.view',
  'audit_events.export': 'audit.view',
  'import_files.file': 'audit.view',
  'import_files.changes': 'audit.view',
  'organisations.index': 'members.view',
  'organisations.create': 'members.edit',
  'member_import.create': 'members.edit',
  'member_import.preview': 'members.edit',
  'member_import.review': 'members.edit',
  'member_import.store': 'members.edit',
  'member_export.show': 'members.view',
  'organisations.store': 'members.edit',
  'organisations.show': 'members.view',
  'organisations.edit': 'members.edit',
  'organisations.update': 'members.edit',
  'membership_status.store': 'members.edit',
  'name_change_decision.store': 'members.edit',
  'contacts.store': 'members.edit',
  'contacts.update': 'members.edit',
  'contacts.destroy': 'members.edit',
  'contact_privacy.export': 'members.edit',
  'contact_privacy.erase': 'members.edit',
  'dues.overview': 'dues.view',
  'dues.confirm_generate': 'dues.edit',
  'dues.generate': 'dues.edit',
  'dues.confirm_remind': 'dues.edit',
  'dues.remind': 'dues.edit',
  'dues_runs.show': 'dues.view',
  'dues.export': 'dues.view',
  'bookkeeping.download': 'dues.view',
  'fees.index': 'dues.view',
  'fees.store_fee': 'dues.edit',
  'fees.store_tier': 'dues.edit',
  'fees.save_settings': 'dues.edit',
  'invoices.index': 'dues.view',
  'invoices.show': 'dues.view',
  'invoices.pdf': 'dues.view',
  'invoices.oioubl': 'dues.view',
  'invoices.record_payment': 'dues.edit',
  'invoices.confirm_credit': 'dues.edit',
  'invoices.credit': 'dues.edit',
  'invoices.resend': 'dues.edit',
  'invoices.issue_for_organisation': 'dues.edit',
  'bank_statements.index': 'dues.view',
  'bank_statements.store': 'dues.edit',
  'bank_statements.store_with_mapping': 'dues.edit',
  'bank_statements.show': 'dues.view',
  'bank_statements.report': 'dues.view',
  'bank_statements.apply_sure': 'dues.edit',
  'bank_entries.show': 'dues.view',
  'bank_entries.match': 'dues.edit',
  'bank_entries.mark_not_dues': 'dues.edit',
  'bank_entries.reopen': 'dues.edit',
  'bank_entries.undo': 'dues.edit',
  'books.close': 'dues.edit',
  // The board keeps the assemblies; the table has no separate right to change them.
  'assemblies.index': 'assemblies.view',
  'assemblies.create': 'assemblies.view',
  'assemblies.store': 'assemblies.view',
  'assemblies.show': 'assemblies.view',
  'assemblies.update': 'assemblies.view',
  'assemblies.add_agenda_item': 'assemblies.view',
  'assemblies.move_agenda_item': 'assemblies.view',
  'assemblies.remove_agenda_item': 'assemblies.view',
  'notice_confirmation.show': 'assemblies.view',
  'assemblies.send_notice': 'assemblies.view',
  'assemblies.notice_pdf': 'assemblies.view',
  'assemblies.store_motion': 'assemblies.view',
  'register.show': 'assemblies.view',
  'register.pdf': 'assemblies.view',
  'register.check_in': 'assemblies.view',
  'register.proxy': 'assemblies.view',
  'ballots.chair': 'assemblies.view',
  'ballots.store': 'assemblies.view',
  'ballots.open': 'assemblies.view',
  'ballots.close': 'assemblies.view',
  'ballots.status': 'assemblies.view',
  'assembly_closing.show': 'assemblies.view',
  'assembly_closing.store': 'assemblies.view',
  'minutes.show': 'assemblies.view',
  'minutes.save': 'assemblies.view',
  'minutes.sign': 'assemblies.view',
  'minutes.send_links': 'assemblies.view',
  'minutes.pdf': 'assemblies.view',
  'session.destroy': SIGNED_IN,
  'account.show': 'dashboard.view',
  'account.update_password': 'dashboard.view',
  'account.end_other_sessions': 'dashboard.view',
  'staff.index': 'staff.manage',
  'staff.store': 'staff.manage',
  'staff.edit': 'staff.manage',
  'staff.update': 'staff.manage',
  'staff.resend_invitation': 'staff.manage',
  'staff.end_sessions': 'staff.manage',
  'newsletter_lists.index': 'newsletters.view',
  'newsletter_lists.create': 'newsletters.edit',
  'newsletter_lists.store': 'newsletters.edit',
  'newsletter_lists.edit': 'newsletters.edit',
  'newsletter_lists.update': 'newsletters.edit',
  'issues.index': 'newsletters.view',
  'issues.create': 'newsletters.edit',
  'issues.store': 'newsletters.edit',
  'issues.preview': 'newsletters.edit',
  'issues.edit': 'newsletters.edit',
  'issues.update': 'newsletters.edit',
  'issues.duplicate': 'newsletters.edit',
  'issue_presence.store': 'newsletters.edit',
  'issue_versions.restore': 'newsletters.edit',
  'issue_templates.choose': 'newsletters.edit',
  'issue_templates.start': 'newsletters.edit',
  'issue_templates.store': 'newsletters.edit',
  'issue_templates.destroy': 'newsletters.edit',
  'issues.send_test': 'newsletters.edit',
  'issue_sending.show': 'newsletters.view',
  'issue_sending.progress': 'newsletters.view',
  'send_confirmation.show': 'newsletters.edit',
  'send_confirmation.recipients': 'newsletters.view',
  'issue_sending.send': 'newsletters.edit',
  'issue_sending.pause': 'newsletters.edit',
  'issue_sending.resume': 'newsletters.edit',
  'issue_sending.cancel': 'newsletters.edit',
  'subscriber_import.create': 'newsletters.edit',
  'subscriber_import.preview': 'newsletters.edit',
  'subscriber_import.store': 'newsletters.edit',
  'subscribers.index': 'newsletters.view',
  'subscribers.show': 'newsletters.view',
  'subscribers.edit': 'newsletters.edit',
  'subscribers.update': 'newsletters.edit',
  'subscribers.export_data': 'newsletters.edit',
  'subscriber_erasure.show': 'newsletters.edit',
  'subscribers.erase': 'newsletters.edit',
  'media_library.index': 'newsletters.view',
  'media_library.search': 'newsletters.view',
  'media_library.store': 'newsletters.edit',
  'media_library.describe': 'newsletters.edit',
  'media_library.destroy': 'newsletters.edit',
}

const REFUSAL = 'Du har ikke adgang til denne side.'

function staffRoutes() {
  return appRoutes().filter((route) => route.middleware.includes('auth'))
}

function mayUse(role: Role, route: AppRoute) {
  const guard = GUARDS[route.name]
  return guard === SIGNED_IN || (PERMISSIONS[guard] as readonly Role[]).includes(role)
}

/** A state-changing request carries a valid CSRF token and no body: the role is what is tested. */
function call(client: ApiClient, route: AppRoute, records: RouteRecords) {
  const path = fillPattern(route.pattern, paramsFor(route, records))
  const request = client.request(path, route.method as 'GET').redirects(0)
  return { path, request: route.method === 'GET' ? request : request.withCsrfToken() }
}

test.group('Every staff route for every role', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  // Routes that mail (an invitation, an invoice, a test issue) reach a real SMTP server.
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('every staff route from the router is in the table, and nothing else is', ({ assert }) => {
    const names = staffRoutes().map((route) => route.name)
    assert.notInclude(names, '', 'a staff route without a name cannot be classified')
    assert.sameMembers([...new Set(names)], Object.keys(GUARDS))
  })

  test('{role} is let in exactly where the permission table says')
    .with(ROLES.map((role) => ({ role })))
    .run(async ({ client, assert }, { role }) => {
      const records = await createRouteRecords()
      const user = await UserFactory.apply(role).create()
      const routes = staffRoutes().filter((route) => route.name in GUARDS)
      assert.isAbove(routes.length, 100)
      const wrong: string[] = []
      for (const route of routes) {
        const { path, request } = call(client, route, records)
        const response = await request.loginAs(user)
        const status = response.status()
        const allowed = mayUse(role, route)
        if (allowed && (status === 403 || status >= 500)) {
          wrong.push(`${route.method} ${path}: ${status}, but ${GUARDS[route.name]} allows ${role}`)
        } else if (!allowed && !(status === 403 && response.text().includes(REFUSAL))) {
          wrong.push(
            `${route.method} ${path}: ${status}, but ${GUARDS[route.name]} refuses ${role}`
          )
        } else if (status === 200 && /@!?[a-zA-Z.]+\(/.test(htmlOf(response))) {
          // An Edge tag that did not render (a misspelt component) shows up as text.
          wrong.push(`${route.method} ${path}: an Edge tag left unrendered`)
        }
      }
      assert.deepEqual(wrong, [])
    })
    .timeout(180_000)

  test('a member contact logged in to the portal is refused every staff route', async ({
    client,
    assert,
  }) => {
    const records = await createRouteRecords()
    const wrong: string[] = []
    for (const route of staffRoutes()) {
      const { path, request } = call(client, route, records)
      const response = await request.withGuard('member').loginAs(records.contact)
      const refused =
        response.status() === 403 ||
        (response.status() === 302 && response.header('location') === '/login')
      if (!refused) wrong.push(`${route.method} ${path}: ${response.status()}`)
    }
    assert.deepEqual(wrong, [])
  }).timeout(120_000)

  test('a guest is sent to /login from every staff route', async ({ client, assert }) => {
    const records = await createRouteRecords()
    const wrong: string[] = []
    for (const route of staffRoutes()) {
      const { path, request } = call(client, route, records)
      const response = await request
      if (response.status() !== 302 || response.header('location') !== '/login')
        wrong.push(`${route.method} ${path}: ${response.status()} ${response.header('location')}`)
    }
    assert.deepEqual(wrong, [])
  }).timeout(120_000)

  test('the navigation shows each role only what it may open', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client.get('/').loginAs(secretariat)
    response.assertTextIncludes('href="/newsletters"')
    response.assertTextIncludes('href="/members"')
    assert.notInclude(response.text(), 'href="/dues"')
    assert.notInclude(response.text(), 'href="/settings"')
    assert.notInclude(response.text(), 'href="/audit"')
  })

  test('a refused JSON request gets a JSON 403', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .get('/settings')
      .header('accept', 'application/json')
      .loginAs(board)
    response.assertStatus(403)
    assert.equal(
      response.body().message,
      'Du har ikke adgang til denne side. Kontakt foreningens administrator, hvis du mener, du burde have adgang.'
    )
  })
})

/** The page's text when it is HTML; PDFs and downloads are not Edge's. */
function htmlOf(response: { header(name: string): string | undefined; text(): string }) {
  return (response.header('content-type') ?? '').startsWith('text/html') ? response.text() : ''
}
