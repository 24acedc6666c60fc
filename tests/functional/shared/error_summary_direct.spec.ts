import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { errorSummaryLinks, shownField } from '#tests/helpers/form_html'

/** The summary's opening tag: announced and focused when the page loads. */
function summaryTag(html: string) {
  return html.match(/<div[^>]*data-testid="error-summary"[^>]*>/)?.[0] ?? ''
}

/**
 * Pages that answer a refused input themselves, with no redirect (filters in
 * the query string), show the same error summary as a refused form: one
 * link per field in error, naming the field, focused on load.
 */
test.group('Error summary on pages that show their own errors', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the audit log: a filter that does not parse is named and linked', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .get('/audit')
      .qs({ from: 'igår', organisation: 'x', module: 'members' })
      .loginAs(board)
    response.assertStatus(200)
    const html = response.text()
    assert.match(summaryTag(html), /role="alert"/)
    assert.match(summaryTag(html), /tabindex="-1"/)
    assert.match(summaryTag(html), /autofocus/)
    const links = errorSummaryLinks(html)!
    assert.sameMembers(
      links.map((link) => link.href),
      ['#field-from', '#field-organisation']
    )
    const from = links.find((link) => link.href === '#field-from')!
    assert.match(from.text, /^Fra dato: \S/)
    assert.match(html, /<input[^>]*id="field-from"[^>]*aria-invalid="true"/)
    assert.match(html, /<select[^>]*id="field-organisation"[^>]*aria-invalid="true"/)
    assert.include(html, 'id="field-from-error"')
    // What was typed stays in the filters, the valid ones too.
    assert.deepEqual(shownField(html, 'from'), { kind: 'text', value: 'igår' })
    assert.deepEqual(shownField(html, 'module'), { kind: 'text', value: 'members' })
    // A refused filter is not exported as if it were none.
    assert.notInclude(html, 'data-testid="audit-export"')
  })

  test('the audit log in English, and a page number that leads to the filters', async ({
    client,
    assert,
  }) => {
    const english = await UserFactory.apply('board').merge({ locale: 'en' }).create()
    const response = await client.get('/audit').qs({ to: '31-12-2026', page: '0' }).loginAs(english)
    const links = errorSummaryLinks(response.text())!
    assert.includeMembers(
      links.map((link) => link.href),
      ['#field-to', '#audit-filters']
    )
    assert.match(links.find((link) => link.href === '#field-to')!.text, /^To date: \S/)
    assert.include(response.text(), 'There is a problem')
  })

  test('the member list: a type and a fee group that do not exist are named and linked', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .get('/members')
      .qs({ q: 'Æblehaven', type: 'pirates', tier: 'x' })
      .loginAs(board)
    response.assertStatus(200)
    const html = response.text()
    const links = errorSummaryLinks(html)!
    assert.sameMembers(
      links.map((link) => link.href),
      ['#field-type', '#field-tier']
    )
    assert.isTrue(links.every((link) => /^[^:]{2,}: \S/.test(link.text)))
    assert.match(html, /<select[^>]*id="field-type"[^>]*aria-invalid="true"/)
    assert.deepEqual(shownField(html, 'q'), { kind: 'text', value: 'Æblehaven' })

    // Without an error there is no summary, and the filters show what was chosen.
    const fine = await client.get('/members').qs({ status: 'active' }).loginAs(board)
    assert.isNull(errorSummaryLinks(fine.text()))
    assert.deepEqual(shownField(fine.text(), 'status'), { kind: 'text', value: 'active' })
  })
})
