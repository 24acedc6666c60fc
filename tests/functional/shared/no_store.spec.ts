import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { generateToken } from '#shared/tokens'
import { readerToken } from '#newsletters/reader_links'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { board } from '#tests/helpers/assemblies'
import { appRoutes, fillPattern } from '#tests/helpers/routes'

/** Routes whose answer may be kept: public, the same for everyone. */
const CACHEABLE = new Set(['logo.show', 'media_files.show'])

test.group('Nothing private is kept by the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every page and download answers Cache-Control: no-store', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const organisation = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const contact = await Contact.query().where('organisation_id', organisation.id).firstOrFail()
    const routes = appRoutes().filter((route) => route.method === 'GET' && route.name)
    assert.isAbove(routes.length, 40)

    const kept: string[] = []
    for (const route of routes) {
      if (CACHEABLE.has(route.name) || route.pattern.startsWith('/__transmit')) continue
      const path = fillPattern(
        route.pattern,
        Object.fromEntries(route.params.map((param) => [param, placeholder(param, route.pattern)]))
      )
      let request = client.get(path).redirects(0)
      if (route.middleware.includes('auth')) request = request.loginAs(admin)
      if (route.middleware.includes('member'))
        request = request.withGuard('member').loginAs(contact)
      const response = await request
      if (response.header('cache-control') !== 'no-store') {
        kept.push(`${path} (${response.status()}): ${response.header('cache-control')}`)
      }
    }
    assert.deepEqual(kept, [])
  })

  test('an invoice PDF, the register export and the bookkeeping file are not kept either', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const { organisations, year } = await tierWithMembers()
    const issued = await new IssueDuesInvoice().handle(
      { organisationId: organisations[0].id, year },
      board
    )
    assert.equal(issued.status, 'issued')
    const invoiceId = issued.status === 'issued' ? issued.invoice.id : 0

    for (const path of [
      `/dues/invoices/${invoiceId}/pdf`,
      `/dues/export?year=${year}`,
      '/members/export',
    ]) {
      const response = await client.get(path).loginAs(treasurer)
      response.assertStatus(200)
      response.assertHeader('cache-control', 'no-store')
    }
  })
})

function placeholder(param: string, pattern: string) {
  if (param === 'token')
    return /^\/(u|del)\//.test(pattern) ? readerToken('share', 1) : generateToken()
  if (param === 'slug') return 'nyheder'
  return 1
}
