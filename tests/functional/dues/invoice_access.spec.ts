import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { asBytes, invoicedMembers, thisYear } from '#tests/functional/dues/helpers'
test.group('Dues: who may see and change invoices', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the board reads the list, an invoice and its documents but changes nothing', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const { alfa, alfaInvoice, kommuneInvoice } = await invoicedMembers()

    ;(await client.get('/dues/invoices').loginAs(board)).assertStatus(200)
    const page = await client.get(`/dues/invoices/${alfaInvoice.id}`).loginAs(board)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'data-testid="payment-form"')
    assert.notInclude(page.text(), `/dues/invoices/${alfaInvoice.id}/credit"`)
    assert.notInclude(page.text(), `action="/dues/invoices/${alfaInvoice.id}/send"`)
    const pdf = await asBytes(client.get(`/dues/invoices/${alfaInvoice.id}/pdf`).loginAs(board))
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    const xml = await asBytes(
      client.get(`/dues/invoices/${kommuneInvoice.id}/oioubl`).loginAs(board)
    )
    xml.assertStatus(200)

    const posts = [
      client
        .post(`/dues/invoices/${alfaInvoice.id}/payments`)
        .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' }),
      client.post(`/dues/invoices/${alfaInvoice.id}/credit`).form({}),
      client.post(`/dues/invoices/${alfaInvoice.id}/send`).form({}),
      client
        .post(`/dues/organisations/${alfa.organisation.id}/invoices`)
        .form({ year: String(thisYear()) }),
      client.post('/dues/remind').form({}),
    ]
    for (const request of posts) {
      const response = await request.loginAs(board).withCsrfToken()
      response.assertStatus(403)
    }
    assert.lengthOf(await Payment.all(), 0)
    assert.lengthOf(await Invoice.all(), 2)
  })

  test('the secretariat is refused everywhere in /dues', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { alfa, alfaInvoice, kommuneInvoice } = await invoicedMembers()
    const year = thisYear()

    for (const path of [
      '/dues',
      `/dues?year=${year}`,
      `/dues/export?year=${year}`,
      '/dues/fees',
      '/dues/invoices',
      `/dues/invoices/${alfaInvoice.id}`,
      `/dues/invoices/${alfaInvoice.id}/pdf`,
      `/dues/invoices/${kommuneInvoice.id}/oioubl`,
    ]) {
      const response = await client.get(path).loginAs(secretariat)
      assert.equal(response.status(), 403, path)
    }
    const posts = [
      client.post('/dues/generate').form({ year: String(year) }),
      client.post('/dues/remind').form({}),
      client
        .post(`/dues/invoices/${alfaInvoice.id}/payments`)
        .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' }),
      client.post(`/dues/invoices/${alfaInvoice.id}/credit`).form({}),
      client.post(`/dues/invoices/${alfaInvoice.id}/send`).form({}),
      client.post(`/dues/organisations/${alfa.organisation.id}/invoices`).form({ year }),
    ]
    for (const request of posts) {
      const response = await request.loginAs(secretariat).withCsrfToken()
      response.assertStatus(403)
    }
    assert.lengthOf(await Payment.all(), 0)
    assert.lengthOf(await Invoice.all(), 2)
  })

  test('a member contact logged in to the portal is refused the staff invoice pages', async ({
    client,
  }) => {
    const { alfa, alfaInvoice } = await invoicedMembers()
    const contact = alfa.contacts[0]
    for (const path of ['/dues/invoices', `/dues/invoices/${alfaInvoice.id}/pdf`]) {
      const response = await client.get(path).withGuard('member').loginAs(contact)
      response.assertStatus(403)
    }
    const anonymous = await client.get(`/dues/invoices/${alfaInvoice.id}`).redirects(0)
    anonymous.assertHeader('location', '/login')
  })
})
