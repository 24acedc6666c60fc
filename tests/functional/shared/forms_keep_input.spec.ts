import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { errorSummaryLinks, shownField } from '#tests/helpers/form_html'
import type { CaseIds, FormCase } from '#tests/functional/shared/form_cases'
import { STAFF_FORM_CASES } from '#tests/functional/shared/form_cases_staff'
import { PUBLIC_FORM_CASES } from '#tests/functional/shared/form_cases_public'
import { MEETING_AND_NEWSLETTER_FORM_CASES } from '#tests/functional/shared/form_cases_assemblies_newsletters'
import { LINK_FORM_CASES } from '#tests/functional/shared/form_cases_links'
import { MEETING_DAY_FORM_CASES } from '#tests/functional/shared/form_cases_meeting'
import { IMPORT_FORM_CASES } from '#tests/functional/shared/form_cases_import'

const FORM_CASES = [
  ...STAFF_FORM_CASES,
  ...MEETING_AND_NEWSLETTER_FORM_CASES,
  ...PUBLIC_FORM_CASES,
  ...LINK_FORM_CASES,
  ...MEETING_DAY_FORM_CASES,
  ...IMPORT_FORM_CASES,
]

/**
 * Forms in the views whose failed submission is not yet checked here, named
 * so that a new form shows up as a failure until it is added to FORM_CASES
 * or listed here with the reason.
 */
const NOT_COVERED: Record<string, string> = {
  'assembly_closing.store': 'a typed confirmation, no data to keep',
  'delegate.vote': 'a ballot choice, not typed input',
  'assemblies.send_notice': 'a confirmation box only',
  'bank_entries.undo': 'a confirmation box only',
  'bank_statements.store_with_mapping': 'a file upload: browsers never refill files',
  'bank_statements.store': 'a file upload: browsers never refill files',
  'bank_statements.apply_sure': 'a confirmation only',
  'invoices.credit': 'a typed invoice number confirmation',
  'invoices.issue_for_organisation':
    'the year is hidden and fixed; a box to issue without a reference is all there is to choose',
  'locale.update': 'a choice of language, cannot fail',
  'account.update_password': 'passwords are never sent back to the page',
  'password_reset.update': 'passwords are never sent back to the page',
  'subscribers.erase': 'a typed confirmation, no data to keep',
  'member_import.preview': 'a file upload: browsers never refill files',
  'member_import.review':
    'a sheet and column names chosen from what the file holds: nothing typed, every offered choice valid',
  'subscriber_import.preview': 'a file upload: browsers never refill files',
  'media_library.store': 'a file upload: browsers never refill files',
  'issue_sending.send':
    'the send options come hidden from the page before; a box to confirm a large send is all there is',
  'unsubscribe.preferences':
    'boxes of the lists to keep: any choice, none included, is valid (none leaves every list)',
  'portal_newsletters.subscribe': 'a consent box only',
}

/** Controls a person types into or chooses, as the views write them. */
const TYPED_CONTROL =
  /@!(?:field|contactFields)\(|<input(?![^>]*type="(?:hidden|submit)")|<textarea|<select/

/** The routes of the POST and PUT forms in the views that hold a typed control. */
async function formsInViews() {
  const root = app.makePath('resources/views')
  const entries = await readdir(root, { withFileTypes: true, recursive: true })
  const routes = new Set<string>()
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.edge'))) {
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8')
    for (const form of text.matchAll(/<form\b([\s\S]*?)<\/form>/g)) {
      const opening = form[1].slice(0, form[1].indexOf('>') + 1 || 600)
      if (/method="GET"/i.test(opening) || !TYPED_CONTROL.test(form[1])) continue
      const route = form[1].slice(0, 600).match(/(?:urlFor|formAttributes)\(\s*'([\w.]+)'/)
      if (route) routes.add(route[1])
    }
  }
  return [...routes].sort()
}

function typedInto(formCase: FormCase, ids: CaseIds) {
  return typeof formCase.form === 'function' ? formCase.form(ids) : formCase.form
}

/** Submits from the form's page and follows the redirect back to it, as a browser does. */
async function submitAndFollow(client: ApiClient, formCase: FormCase) {
  const { ids = {}, contact } = (await formCase.setup?.()) ?? {}
  let request = client[formCase.method](formCase.action(ids))
    .form({ ...formCase.hidden?.(ids), ...typedInto(formCase, ids) })
    .header('referer', formCase.page(ids))
    .withCsrfToken()
  if (formCase.who === 'admin') request = request.loginAs(await UserFactory.apply('admin').create())
  if (formCase.who === 'member') request = request.withGuard('member').loginAs(contact!)
  return { response: await request, ids }
}

test.group('Forms keep what was typed', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every form in the views is checked here or named with a reason', async ({ assert }) => {
    const found = await formsInViews()
    const covered = new Set(FORM_CASES.map((formCase) => formCase.route))
    assert.isAbove(found.length, 30, 'the scan found the forms')
    const unchecked = found.filter((route) => !covered.has(route) && !(route in NOT_COVERED))
    assert.deepEqual(unchecked, [], 'forms without a keeps-input test or a reason')
    const stale = Object.keys(NOT_COVERED).filter((route) => !found.includes(route))
    assert.deepEqual(stale, [], 'reasons for forms that no longer exist')
  })

  test('{route}: a failed submission shows every typed value and the error summary')
    .with(FORM_CASES)
    .run(async ({ client, assert }, formCase) => {
      const { response, ids } = await submitAndFollow(client, formCase)
      response.assertStatus(formCase.status ?? 200)
      const html = response.text()
      const idOf = (name: string) => formCase.idOf?.(name, ids)
      const invalidId = idOf(formCase.invalid) ?? `field-${formCase.invalid}`

      const links = errorSummaryLinks(html)
      assert.isNotNull(links, 'an error summary at the top')
      const link = links!.find((candidate) => candidate.href === `#${invalidId}`)
      assert.exists(link, 'the summary links to the field in error')
      // "Postnummer: Skal være …": the field's label, so the message says which field.
      assert.match(link!.text, /^[^:]{2,}: \S/, 'the summary names the field by its label')
      assert.match(
        html,
        new RegExp(`<[^>]*id="${invalidId}"[^>]*aria-invalid="true"`),
        'the field in error is there and marked invalid'
      )
      for (const [name, typed] of Object.entries(typedInto(formCase, ids))) {
        const shown = shownField(html, name, idOf(name))
        if (shown.kind === 'checkbox')
          assert.equal(shown.checked, ['1', 'on'].includes(typed), name)
        else assert.deepEqual(shown, { kind: 'text', value: typed }, name)
      }
      // A label, an error or a summary link that points at a shared id points at the wrong field.
      const pageIds = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])
      assert.deepEqual(
        pageIds.filter((id, index) => pageIds.indexOf(id) !== index),
        [],
        'ids used twice on the page'
      )
      for (const name of formCase.unticked ?? []) {
        const shown = shownField(html, name, idOf(name))
        assert.deepEqual(shown, { kind: 'checkbox', checked: false }, name)
      }
    })
})
