import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { confirmRun, openConfirmation, runFormOf, submitRun } from '#tests/functional/dues/run_flow'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { foldSpace } from '#tests/helpers/text'
import {
  issueInvoice,
  member,
  municipality,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/*
 * A public member is invoiced through NemHandel by its EAN, and the file is
 * refused without the buyer's order or person reference. Issuing to such a
 * member is warned of first and done only when the treasurer confirms it.
 */

/** An ordinary member and a municipality without a reference, in a tier with this year's fee. */
async function membersWithOneLackingReference() {
  await sellerSettings()
  const tier = await tierWithFee()
  const alfa = await member(tier, { name: 'Alfa Forening', primaryEmail: 'alfa@example.org' })
  const nordby = await municipality(tier, {
    name: 'Nordby Kommune',
    reference: null,
    email: 'faktura@nordby.example.org',
  })
  return { tier, alfa, nordby }
}

async function invoicedNames() {
  const invoices = await Invoice.query().where('kind', 'invoice').preload('organisation')
  return invoices.map((invoice) => invoice.organisation.name).sort()
}

test.group('Dues: EAN members without a buyer reference', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the overview names them before the run, with a box to issue to them anyway', async ({
    client,
    assert,
  }) => {
    const { nordby } = await membersWithOneLackingReference()
    const treasurer = await UserFactory.apply('treasurer').create()
    const page = await client.get(`/dues?year=${thisYear()}`).loginAs(treasurer)
    page.assertStatus(200)
    const html = foldSpace(page.text())
    assert.include(html, 'data-testid="lacking-reference"')
    assert.include(html, '1 offentligt medlem mangler ordre- eller personreference:')
    assert.include(html, `href="/members/${nordby.organisation.id}"> Nordby Kommune </a>`)
    assert.notInclude(html.split('data-testid="lacking-reference"')[1].split('</ul>')[0], 'Alfa')
    assert.include(html, 'Deres e-faktura (OIOUBL) bliver afvist uden den reference')
    assert.match(html, /name="without_reference" value="1" form="dues-generate"/)
    assert.include(html, 'Udsted også til det uden reference')

    // Once the reference is set, the warning is gone.
    nordby.organisation.invoiceReference = 'Ordre 4711'
    await nordby.organisation.save()
    const after = await client.get(`/dues?year=${thisYear()}`).loginAs(treasurer)
    assert.notInclude(after.text(), 'data-testid="lacking-reference"')
  })

  test('the run leaves them out unless confirmed, and says so', async ({ client, assert }) => {
    await membersWithOneLackingReference()
    const treasurer = await UserFactory.apply('treasurer').create()
    const year = String(thisYear())

    const page = await openConfirmation(client, treasurer, 'generate', { year })
    const planned = foldSpace(page.text())
    assert.include(planned, 'Udsteder 1 faktura, i alt 1.250,00 kr., til:')
    assert.match(planned, /Nordby Kommune <\/a> <\/td> <td>EAN uden ordre- eller personreference/)
    await submitRun(client, treasurer, 'generate', runFormOf(page.text()))
    assert.deepEqual(await invoicedNames(), ['Alfa Forening'])

    const confirmed = await confirmRun(client, treasurer, 'generate', {
      year,
      without_reference: 1,
    })
    const result = await client.get(`/dues/runs/${confirmed.runId}`).loginAs(treasurer)
    assert.include(foldSpace(result.text()), 'Færdig: 1 af 1')
    assert.deepEqual(await invoicedNames(), ['Alfa Forening', 'Nordby Kommune'])
  })

  test('a single new invoice warns on the page and is issued only when confirmed', async ({
    client,
    assert,
  }) => {
    const { nordby } = await membersWithOneLackingReference()
    const treasurer = await UserFactory.apply('treasurer').create()
    const year = thisYear()
    const invoice = await issueInvoice(nordby.organisation, { withoutReference: true })
    const credited = await new CreditInvoice().handle(
      { invoiceId: invoice.id, reason: 'Mangler reference' },
      Actors.system('test')
    )
    assert.equal(credited.status, 'credited')

    const page = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
    const html = foldSpace(page.text())
    assert.include(
      html,
      'Nordby Kommune har EAN-nummer, men ingen ordre- eller personreference. E-fakturaen (OIOUBL) bliver afvist uden den.'
    )
    assert.include(html, 'name="without_reference"')

    const refused = await client
      .post(`/dues/organisations/${nordby.organisation.id}/invoices`)
      .form({ year: String(year) })
      .header('referer', `/dues/invoices/${invoice.id}`)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', `/dues/invoices/${invoice.id}`)
    refused.assertFlashMessage(
      'error',
      'Medlemmet har EAN-nummer, men ingen ordre- eller personreference, så e-fakturaen vil blive afvist. Sæt referencen på medlemmet, eller bekræft, at fakturaen skal udstedes uden.'
    )
    assert.lengthOf(await Invoice.query().where('kind', 'invoice'), 1)

    const confirmed = await client
      .post(`/dues/organisations/${nordby.organisation.id}/invoices`)
      .form({ year: String(year), without_reference: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    confirmed.assertFlashMessage('success', `Faktura ${year}-0002 er udstedt.`)
    assert.lengthOf(await Invoice.query().where('kind', 'invoice'), 2)
    await catcher.waitFor((m) => m.subject === `Faktura ${year}-0002 fra Social Talks`)
  })

  test('a member with a reference, or without an EAN, is issued with no question', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const tier = await tierWithFee()
    await municipality(tier, { name: 'Sydby Kommune', reference: 'Ordre 12' })
    await member(tier, { name: 'Alfa Forening', primaryEmail: 'alfa@example.org' })
    const treasurer = await UserFactory.apply('treasurer').create()

    const page = await client.get(`/dues?year=${thisYear()}`).loginAs(treasurer)
    assert.notInclude(page.text(), 'data-testid="lacking-reference"')
    await confirmRun(client, treasurer, 'generate', { year: thisYear() })
    assert.deepEqual(await invoicedNames(), ['Alfa Forening', 'Sydby Kommune'])
  })
})
