import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Payment from '#dues/models/payment'
import Motion from '#assemblies/models/motion'
import AgendaItem from '#assemblies/models/agenda_item'
import AuditEvent from '#audit/models/audit_event'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { issueAssemblyLink } from '#assemblies/links'
import { ContactFactory } from '#database/factories/organisation_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { foldSpace } from '#tests/helpers/text'
import {
  issueInvoice,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/** Two members: LIVSVÆRK with last year's invoice overdue, this year's part paid; and a neighbour. */
async function twoMembers() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  await tierWithFee('Organisationer sidste år', 100_000, thisYear() - 1)
  const ours = await member(tier, { name: 'LIVSVÆRK', primaryEmail: 'lene@livsvaerk.example.org' })
  const theirs = await member(tier, { name: 'Naboforeningen', primaryEmail: 'x@nabo.example.org' })
  const overdue = await issueInvoice(ours.organisation, {
    issueDate: danishToday().minus({ days: 60 }),
  })
  await db
    .from('invoices')
    .where('id', overdue.id)
    .update({ due_date: danishToday().minus({ days: 30 }).toISODate() })
  await Payment.create({
    invoiceId: overdue.id,
    amountOre: 25_000,
    paidOn: danishToday(),
    method: 'bank_transfer',
    note: null,
    recordedBy: 'test',
  })
  const theirInvoice = await issueInvoice(theirs.organisation)
  return { ours, theirs, overdue, theirInvoice, primary: ours.contacts[0] }
}

test.group('Member portal: overview, history and assembly', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the overview and the invoices page sum up what is owed, overdue and paid this year', async ({
    client,
    assert,
  }) => {
    const { primary } = await twoMembers()
    for (const path of ['/medlem/organisation', '/medlem/fakturaer']) {
      const page = await client.get(path).withGuard('member').loginAs(primary)
      page.assertStatus(200)
      const html = foldSpace(page.text())
      assert.match(html, /data-testid="outstanding">\s*1\.000,00 kr\.\s*</, path)
      assert.match(html, /data-testid="overdue">\s*1\.000,00 kr\.\s*</, path)
      assert.match(html, /data-testid="paid-this-year">\s*250,00 kr\.\s*</, path)
      assert.include(html, '1 faktura er forfalden.', path)
      // Naboforeningen's unpaid invoice counts nowhere here.
      assert.notInclude(html, 'Naboforeningen', path)
    }
  })

  test('the portal navigation links every page the contact may use', async ({ client, assert }) => {
    const { ours, primary } = await twoMembers()
    const billing = await ContactFactory.apply('billing')
      .merge({ organisationId: ours.organisation.id, email: 'bo@livsvaerk.example.org' })
      .create()
    const asPrimary = await client.get('/medlem/fakturaer').withGuard('member').loginAs(primary)
    for (const path of ['organisation', 'fakturaer', 'generalforsamlinger', 'nyhedsbreve'])
      asPrimary.assertTextIncludes(`href="/medlem/${path}"`)
    asPrimary.assertTextIncludes('href="/medlem/historik"')
    assert.match(asPrimary.text(), /href="\/medlem\/fakturaer"\s+aria-current="page"/)
    const asBilling = await client.get('/medlem/fakturaer').withGuard('member').loginAs(billing)
    assert.notInclude(asBilling.text(), 'href="/medlem/nyhedsbreve"')
  })

  test('the history shows the organisation’s own events in Danish, never another’s', async ({
    client,
    assert,
  }) => {
    const { ours, theirs, overdue, theirInvoice, primary } = await twoMembers()
    const updated = await client
      .put('/medlem/organisation')
      .form({ address: 'Nørregade 7', postcode: '8000', city: 'Aarhus' })
      .withGuard('member')
      .loginAs(primary)
      .withCsrfToken()
      .redirects(0)
    updated.assertStatus(302)
    await AuditEvent.create({
      actorType: 'user',
      actorId: 1,
      actorLabel: 'Kirsten Kasserer (kasserer@example.org)',
      module: 'members',
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: String(theirs.organisation.id),
      details: { name: 'Naboforeningen' },
      changes: null,
      ip: '10.0.0.9',
    })

    const page = await client.get('/medlem/historik').withGuard('member').loginAs(primary)
    page.assertStatus(200)
    const html = foldSpace(page.text())
    assert.include(html, 'lene@livsvaerk.example.org (LIVSVÆRK)')
    assert.notInclude(html, 'organisation.updated')
    assert.notInclude(html, 'Naboforeningen')
    assert.notInclude(html, 'Kirsten Kasserer')
    assert.notInclude(html, '10.0.0.9')
    const ownEvents = await AuditEvent.query()
      .where((scope) =>
        scope
          .where((own) =>
            own
              .where('subject_type', 'organisation')
              .where('subject_id', String(ours.organisation.id))
          )
          .orWhere((inv) =>
            inv.where('subject_type', 'invoice').where('subject_id', String(overdue.id))
          )
      )
      .count('* as total')
    const listed = (html.match(/<li class="card"/g) ?? []).length
    assert.equal(listed, Number(ownEvents[0].$extras.total))
    assert.isAbove(listed, 0)
    assert.notInclude(html, `Faktura ${theirInvoice.number}`)
  })

  test('the next assembly shows its date, deadline, motions and the personal voting link', async ({
    client,
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2, present: 0 })
    const [ours, theirs] = organisations
    const primary = await ContactFactory.apply('primary')
      .merge({ organisationId: ours.id, email: 'lene@example.org' })
      .create()
    const billing = await ContactFactory.apply('billing')
      .merge({ organisationId: ours.id, email: 'bo@example.org' })
      .create()

    // Planned only: the board has not called it yet, so members see nothing.
    const planned = await client
      .get('/medlem/generalforsamlinger')
      .withGuard('member')
      .loginAs(primary)
    assert.notInclude(planned.text(), 'data-testid="next-assembly"')

    await db
      .from('assemblies')
      .where('id', assembly.id)
      .update({
        status: 'notice_sent',
        motion_deadline: danishToday().plus({ days: 7 }).toISODate(),
      })
    const ourLink = await issueAssemblyLink(assembly.id, ours.id)
    const theirLink = await issueAssemblyLink(assembly.id, theirs.id)
    await Motion.create({
      assemblyId: assembly.id,
      agendaItemId: null,
      organisationId: theirs.id,
      submittedBy: 'x',
      title: 'Naboens ikke behandlede forslag',
      body: '…',
      changesStatutes: false,
      status: 'submitted',
      submittedAt: DateTime.now(),
    })
    const item = await AgendaItem.query().where('assembly_id', assembly.id).firstOrFail()
    await Motion.create({
      assemblyId: assembly.id,
      agendaItemId: item.id,
      organisationId: theirs.id,
      submittedBy: 'x',
      title: 'Flere fælles arrangementer',
      body: '…',
      changesStatutes: false,
      status: 'submitted',
      submittedAt: DateTime.now(),
    })

    const page = await client
      .get('/medlem/generalforsamlinger')
      .withGuard('member')
      .loginAs(primary)
    const html = foldSpace(page.text())
    assert.include(html, 'Næste generalforsamling: Ordinær generalforsamling')
    assert.include(html, ' kl. ')
    assert.include(html, 'Frist for forslag')
    assert.include(html, `href="${ourLink}"`)
    assert.notInclude(html, theirLink)
    assert.notInclude(html, 'Naboens ikke behandlede forslag')
    assert.include(html, `Flere fælles arrangementer (stillet af ${theirs.name})`)

    const overview = await client.get('/medlem/organisation').withGuard('member').loginAs(primary)
    overview.assertTextIncludes(`href="${ourLink}"`)

    // The link is the organisation's vote: a billing contact is told who holds it.
    const asBilling = await client
      .get('/medlem/generalforsamlinger')
      .withGuard('member')
      .loginAs(billing)
    assert.notInclude(asBilling.text(), ourLink)
    asBilling.assertTextIncludes('Jeres primære kontaktperson og delegerede')

    // The shown link opens the organisation's own voting page.
    const voting = await client.get(new URL(ourLink).pathname)
    voting.assertStatus(200)
    voting.assertTextIncludes(ours.name)

    await db.from('assemblies').where('id', assembly.id).update({ status: 'closed' })
    const closed = await client
      .get('/medlem/generalforsamlinger')
      .withGuard('member')
      .loginAs(primary)
    assert.notInclude(closed.text(), ourLink)
  })
})
