import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import Assembly from '#assemblies/models/assembly'
import type User from '#identity/models/user'
import { CheckIn } from '#assemblies/actions/check_in'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { GiveProxy } from '#assemblies/actions/give_proxy'
import { ChangeMembershipStatus } from '#members/actions/change_membership_status'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import { RecordPayment } from '#dues/actions/record_payment'
import { seedDemoMembers } from '#database/demo/demo_members'
import { seedDemoDues } from '#database/demo/demo_dues'
import { seedDemoAssemblies } from '#database/demo/demo_assemblies'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { board } from '#tests/helpers/assemblies'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { asBytes } from '#tests/helpers/bytes'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import { plannedAssembly, statutes } from '#tests/functional/assemblies/helpers'

const FOUNDERS = [
  'De Anbragtes Vilkår',
  'Dansk Socialrådgiverforening',
  'Det Sociale Netværk',
  'Fri Af Misbrug',
  'LIVSVÆRK',
  'Metodecentret',
  'Socialt Udviklingscenter SUS',
]

/** The register page and its PDF, each as the text a reader sees. */
async function readRegister(client: ApiClient, user: User, assembly: Assembly) {
  const page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(user)
  page.assertStatus(200)
  const pdf = await asBytes(client.get(`/assemblies/${assembly.id}/register/pdf`).loginAs(user))
  pdf.assertHeader('content-type', 'application/pdf')
  return { html: foldSpace(page.text()), pdf: foldSpace(await pdfText(pdf.body() as Buffer)) }
}

/** The names in the register table, in order. */
function namesIn(html: string) {
  return [...html.matchAll(/<tr> <td>([^<]+)<\/td>/g)].map((match) => match[1].trim())
}

test.group('Assemblies: the register is a record of the day', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the founding assembly lists the seven founders, 7 of 7 present, not the municipality that joined in 2024', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    assert.isTrue(await seedDemoMembers(), 'the demo members need an empty register')
    await seedDemoDues()
    assert.isTrue(await seedDemoAssemblies())
    const founding = await Assembly.findByOrFail('title', 'Stiftende generalforsamling')
    const user = await UserFactory.apply('board').create()

    const { html, pdf } = await readRegister(client, user, founding)
    assert.sameMembers(namesIn(html), FOUNDERS)
    assert.lengthOf(namesIn(html), 7)
    assert.notInclude(html, 'Nordby Kommune')
    assert.include(html, 'afsluttet 15. januar 2021')

    for (const founder of FOUNDERS) assert.include(pdf, founder)
    assert.notInclude(pdf, 'Nordby Kommune')
    assert.notInclude(pdf, 'Eksempelby Kommune', 'an applicant is never on the register')
    assert.include(pdf, 'Medlemmer 7')
    assert.include(pdf, 'Stemmeberettigede 7')
    assert.include(pdf, 'Til stede 7')
    assert.include(pdf, 'Stemmer i alt 7')
    assert.include(pdf, 'afsluttet 15. januar 2021')
    assert.notInclude(pdf, 'Nej', 'every founder could vote')
  })

  test('an organisation that joined after the assembly is not on its register; one that resigned after it is', async ({
    client,
    assert,
  }) => {
    await statutes()
    const user = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly(-30, 'Generalforsamling for en måned siden')
    const today = danishToday()
    await OrganisationFactory.merge({ name: 'Gammelt Medlem' }).create()
    await OrganisationFactory.merge({
      name: 'Nyt Medlem',
      joinedOn: today.minus({ days: 10 }),
    }).create()
    // Resigned since: once without a recorded history, once through the lifecycle.
    // The factory's states apply after merge: the dates are given as plain attributes.
    const resignedOn = (name: string, days: number) =>
      OrganisationFactory.merge({
        name,
        status: 'resigned',
        leftOn: today.minus({ days }),
      }).create()
    await resignedOn('Udmeldt Siden', 5)
    const leaving = await OrganisationFactory.merge({ name: 'Udmeldt Via Historik' })
      .with('contacts', 1, (contact) => contact.apply('primary'))
      .create()
    const resigned = await new ChangeMembershipStatus().handle(
      {
        organisationId: leaving.id,
        to: 'resigned',
        changedOn: today.minus({ days: 3 }),
        reason: 'Udmeldt',
      },
      board
    )
    assert.equal(resigned.status, 'changed')
    await resignedOn('Udmeldt Før', 40)

    const expected = ['Gammelt Medlem', 'Udmeldt Siden', 'Udmeldt Via Historik']
    const open = await readRegister(client, user, assembly)
    assert.sameMembers(namesIn(open.html), expected)
    assert.lengthOf(namesIn(open.html), 3)
    assert.include(open.pdf, 'Medlemmer 3')

    await new CloseAssembly().handle(assembly.id, board)
    const closed = await readRegister(client, user, assembly)
    assert.sameMembers(namesIn(closed.html), expected)
    assert.lengthOf(namesIn(closed.html), 3)
    assert.notInclude(closed.pdf, 'Nyt Medlem')
    assert.notInclude(closed.pdf, 'Udmeldt Før')
    assert.include(closed.html, 'som den stod, da generalforsamlingen blev afsluttet')

    // An assembly closed before registers were kept at the close: worked out as of its day.
    await db.from('assembly_register_snapshots').where('assembly_id', assembly.id).delete()
    const older = await readRegister(client, user, assembly)
    assert.sameMembers(namesIn(older.html), expected)
    assert.include(older.html, 'Listen er beregnet ud fra medlemmer og kontingent')
    assert.notInclude(older.pdf, 'Nyt Medlem')
  })

  test('frozen at close: renaming, resigning and paying afterwards leave the register and its PDF as they were', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    await statutes({ unpaidDuesRemoveVotingRight: true })
    const user = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly(0, 'Generalforsamling i dag')
    const year = assembly.startsAt.setZone('Europe/Copenhagen').year
    const {
      organisations: [alfa, beta, gamma],
    } = await tierWithMembers({ year, count: 3 })
    for (const [organisation, name] of [
      [alfa, 'Alfa Forening'],
      [beta, 'Beta Forening'],
      [gamma, 'Gamma Forening'],
    ] as const) {
      organisation.name = name
      await organisation.save()
    }
    // Beta's dues are long past due and unpaid.
    const issued = await new IssueDuesInvoice().handle(
      { organisationId: beta.id, year, issueDate: danishToday().minus({ days: 60 }) },
      board
    )
    if (issued.status !== 'issued') throw new Error(issued.status)
    for (const organisation of [alfa, beta]) {
      await new CheckIn().handle(
        {
          assemblyId: assembly.id,
          organisationId: organisation.id,
          present: true,
          representative: `Delegeret for ${organisation.name}`,
          by: 'board',
        },
        board
      )
    }
    const proxy = await new GiveProxy().handle(
      { assemblyId: assembly.id, giverId: gamma.id, holderId: alfa.id },
      board
    )
    assert.equal(proxy.status, 'given')

    const before = await readRegister(client, user, assembly)
    assert.include(before.html, 'Nej – ikke betalt')
    assert.equal((await new CloseAssembly().handle(assembly.id, board)).status, 'closed')
    const atClose = await readRegister(client, user, assembly)
    assert.include(atClose.html, 'som den stod, da generalforsamlingen blev afsluttet')

    alfa.name = 'Alfa Omdøbt'
    await alfa.save()
    await new ChangeMembershipStatus().handle(
      { organisationId: gamma.id, to: 'resigned', changedOn: danishToday(), reason: 'Udmeldt' },
      board
    )
    await new RecordPayment().handle(
      {
        invoiceId: issued.invoice.id,
        amountOre: issued.invoice.totalOre,
        paidOn: danishToday(),
        method: 'bank_transfer',
        note: null,
      },
      board
    )
    const late = await OrganisationFactory.merge({ name: 'Senere Medlem' }).create()
    // Nor can anyone be checked in or hand on a vote once it has closed.
    const checkIn = await new CheckIn().handle(
      {
        assemblyId: assembly.id,
        organisationId: late.id,
        present: true,
        representative: 'X',
        by: 'board',
      },
      board
    )
    assert.equal(checkIn.status, 'closed')
    const handedOn = await new GiveProxy().handle(
      { assemblyId: assembly.id, giverId: late.id, holderId: alfa.id },
      board
    )
    assert.equal(handedOn.status, 'closed')

    const after = await readRegister(client, user, assembly)
    assert.equal(after.html.split('<tbody>')[1], atClose.html.split('<tbody>')[1])
    assert.equal(after.pdf.replace(/Udskrevet .*$/, ''), atClose.pdf.replace(/Udskrevet .*$/, ''))
    assert.sameMembers(namesIn(after.html), ['Alfa Forening', 'Beta Forening', 'Gamma Forening'])
    assert.include(after.pdf, 'Alfa Forening')
    assert.notInclude(after.pdf, 'Alfa Omdøbt')
    assert.notInclude(after.pdf, 'Senere Medlem')
    assert.include(after.pdf, 'Nej – ikke betalt')
    assert.include(after.pdf, 'Gamma Forening')
    assert.include(after.pdf, 'Stemmer i alt 2')
  })
})
