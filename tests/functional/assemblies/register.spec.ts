import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Attendance from '#assemblies/models/attendance'
import type Assembly from '#assemblies/models/assembly'
import type Organisation from '#members/models/organisation'
import type User from '#identity/models/user'
import type { ApiClient } from '@japa/api-client'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import { RecordPayment } from '#dues/actions/record_payment'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { openBallot } from '#tests/helpers/assemblies'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { linkPath, plannedAssembly, statutes } from '#tests/functional/assemblies/helpers'

/** The register's table row for one organisation, as text. */
function rowOf(html: string, name: string) {
  const rows = html.split('<tr>').slice(1)
  const row = rows.find((candidate) => candidate.trimStart().startsWith(`<td>${name}</td>`))
  if (!row) throw new Error(`No row for ${name} in the register`)
  return row.split('</tr>')[0].replace(/\s+/g, ' ')
}

/** The number in the last cell of a register row: the votes the organisation holds. */
function votesIn(row: string) {
  const cells = [...row.matchAll(/<td class="num">\s*(\d+)\s*<\/td>/g)]
  return Number(cells.at(-1)?.[1])
}

async function organisations(...names: string[]) {
  const created: Organisation[] = []
  for (const name of names) created.push(await OrganisationFactory.merge({ name }).create())
  return created
}

function checkIn(
  client: ApiClient,
  user: User,
  assembly: Assembly,
  organisation: Organisation,
  present: boolean,
  representative?: string
) {
  return client
    .post(`/assemblies/${assembly.id}/attendance`)
    .form({
      organisation_id: String(organisation.id),
      present: present ? '1' : '0',
      ...(representative ? { representative } : {}),
    })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

function proxy(
  client: ApiClient,
  user: User,
  assembly: Assembly,
  giver: Organisation,
  holder: Organisation | null
) {
  return client
    .post(`/assemblies/${assembly.id}/proxies`)
    .form({ giver_id: String(giver.id), holder_id: holder ? String(holder.id) : '' })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Assemblies: the voting register', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('lists the active members; the board checks one in with its representative and out again', async ({
    client,
    assert,
  }) => {
    await statutes()
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const [alfa, beta] = await organisations('Alfa Forening', 'Beta Forening')
    const applicant = await OrganisationFactory.merge({ name: 'Ansøger Forening' })
      .apply('applicant')
      .create()

    const page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    page.assertStatus(200)
    assert.include(page.text(), 'Alfa Forening')
    assert.include(page.text(), 'Beta Forening')
    assert.notInclude(page.text(), 'Ansøger Forening')
    assert.equal(votesIn(rowOf(page.text(), 'Alfa Forening')), 0)

    const arrived = await checkIn(client, boardUser, assembly, alfa, true, 'Mette Hansen')
    arrived.assertStatus(302)
    arrived.assertHeader('location', `/assemblies/${assembly.id}/register`)
    arrived.assertFlashMessage('success', 'Fremmødet er registreret.')
    const attendance = await Attendance.query()
      .where('assembly_id', assembly.id)
      .where('organisation_id', alfa.id)
      .firstOrFail()
    assert.isTrue(attendance.present)
    assert.equal(attendance.representative, 'Mette Hansen')
    assert.equal(attendance.checkedInBy, 'board')
    assert.isNotNull(attendance.checkedInAt)

    const present = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    const alfaRow = rowOf(present.text(), 'Alfa Forening')
    assert.include(alfaRow, 'Til stede ved Mette Hansen')
    assert.include(alfaRow, 'Meld fraværende')
    assert.equal(votesIn(alfaRow), 1)
    assert.notInclude(rowOf(present.text(), 'Beta Forening'), 'Til stede ved')

    const left = await checkIn(client, boardUser, assembly, alfa, false)
    left.assertFlashMessage('success', 'Organisationen er meldt fraværende.')
    await attendance.refresh()
    assert.isFalse(attendance.present)
    assert.isNull(attendance.representative)
    const absent = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    assert.notInclude(rowOf(absent.text(), 'Alfa Forening'), 'Til stede ved')
    assert.equal(votesIn(rowOf(absent.text(), 'Alfa Forening')), 0)

    const notMember = await checkIn(client, boardUser, assembly, applicant, true, 'Ib')
    notMember.assertFlashMessage('error', 'Organisationen er ikke aktivt medlem.')
    assert.isNull(
      await Attendance.query().where('organisation_id', applicant.id).first(),
      'an applicant is not checked in'
    )
    assert.isNull(await Attendance.query().where('organisation_id', beta.id).first())
  })

  test('a proxy from an absent member to a present one; over the limit and from a present giver it is refused', async ({
    client,
    assert,
  }) => {
    await statutes({ proxiesPerOrganisation: 1 })
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const [alfa, beta, gamma, delta] = await organisations(
      'Alfa Forening',
      'Beta Forening',
      'Gamma Forening',
      'Delta Forening'
    )
    ;(await checkIn(client, boardUser, assembly, alfa, true, 'Anna')).assertFlashMessage(
      'success',
      'Fremmødet er registreret.'
    )
    ;(await checkIn(client, boardUser, assembly, beta, true, 'Bo')).assertFlashMessage(
      'success',
      'Fremmødet er registreret.'
    )

    const given = await proxy(client, boardUser, assembly, gamma, alfa)
    given.assertStatus(302)
    given.assertHeader('location', `/assemblies/${assembly.id}/register`)
    given.assertFlashMessage('success', 'Fuldmagten er registreret.')
    const gammaLine = await Attendance.query()
      .where('assembly_id', assembly.id)
      .where('organisation_id', gamma.id)
      .firstOrFail()
    assert.isFalse(gammaLine.present)
    assert.equal(gammaLine.proxyToOrganisationId, alfa.id)

    let page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    assert.include(rowOf(page.text(), 'Gamma Forening'), 'Fuldmagt til Alfa Forening')
    assert.include(rowOf(page.text(), 'Alfa Forening'), 'Har fuldmagt fra Gamma Forening')
    assert.equal(votesIn(rowOf(page.text(), 'Alfa Forening')), 2)
    assert.equal(votesIn(rowOf(page.text(), 'Gamma Forening')), 0)

    // Alfa holds one already and the statutes allow one.
    const overLimit = await proxy(client, boardUser, assembly, delta, alfa)
    overLimit.assertFlashMessage('inputErrorsBag', {
      holder_id: ['Den fremmødte har allerede så mange fuldmagter, som vedtægterne tillader.'],
    })
    // Beta is here itself.
    const present = await proxy(client, boardUser, assembly, beta, alfa)
    present.assertFlashMessage('inputErrorsBag', {
      holder_id: ['Organisationen er selv til stede og kan ikke give fuldmagt.'],
    })
    assert.isNull(
      await Attendance.query()
        .where('assembly_id', assembly.id)
        .where('organisation_id', delta.id)
        .first()
    )
    const betaLine = await Attendance.query()
      .where('assembly_id', assembly.id)
      .where('organisation_id', beta.id)
      .firstOrFail()
    assert.isNull(betaLine.proxyToOrganisationId)

    // To a holder with room, Delta's proxy is taken.
    ;(await proxy(client, boardUser, assembly, delta, beta)).assertFlashMessage(
      'success',
      'Fuldmagten er registreret.'
    )
    page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    assert.include(rowOf(page.text(), 'Beta Forening'), 'Har fuldmagt fra Delta Forening')
    // 2 present + 2 by proxy: 4 votes in the totals.
    assert.match(
      page.text().replace(/\s+/g, ' '),
      /<strong>4<\/strong> <span class="muted">repræsenteret<\/span>/
    )

    // With no holder the proxy is withdrawn.
    ;(await proxy(client, boardUser, assembly, gamma, null)).assertFlashMessage(
      'success',
      'Fuldmagten er trukket tilbage.'
    )
    await gammaLine.refresh()
    assert.isNull(gammaLine.proxyToOrganisationId)
    page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    assert.equal(votesIn(rowOf(page.text(), 'Alfa Forening')), 1)
  })

  test('with unpaid dues taking the vote, an overdue member shows "Nej – ikke betalt" and cannot vote', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    await statutes({ unpaidDuesRemoveVotingRight: true, duesGraceMonths: 0 })
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly(21)
    const year = assembly.startsAt.setZone('Europe/Copenhagen').year
    const {
      organisations: [paid, unpaid],
    } = await tierWithMembers({ year, count: 2 })
    paid.merge({ name: 'Betalt Forening' })
    await paid.save()
    unpaid.merge({ name: 'Skyldig Forening' })
    await unpaid.save()

    // Issued 60 days ago, so due 30 days ago; one paid in full, the other not at all.
    for (const organisation of [paid, unpaid]) {
      const issued = await new IssueDuesInvoice().handle(
        { organisationId: organisation.id, year, issueDate: danishToday().minus({ days: 60 }) },
        Actors.system('test')
      )
      if (issued.status !== 'issued') throw new Error(issued.status)
      if (organisation === paid) {
        const payment = await new RecordPayment().handle(
          {
            invoiceId: issued.invoice.id,
            amountOre: issued.invoice.totalOre,
            paidOn: danishToday().minus({ days: 40 }),
            method: 'bank_transfer',
            note: null,
          },
          Actors.system('test')
        )
        assert.equal(payment.status, 'recorded')
      }
    }

    for (const organisation of [paid, unpaid]) {
      ;(await checkIn(client, boardUser, assembly, organisation, true, 'Delegeret')).assertStatus(
        302
      )
    }
    const page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(boardUser)
    page.assertStatus(200)
    const unpaidRow = rowOf(page.text(), 'Skyldig Forening')
    const paidRow = rowOf(page.text(), 'Betalt Forening')
    assert.include(unpaidRow, 'Nej – ikke betalt')
    assert.equal(votesIn(unpaidRow), 0)
    assert.notInclude(paidRow, 'ikke betalt')
    assert.equal(votesIn(paidRow), 1)

    const ballot = await openBallot(assembly)
    const refused = await client
      .post(`${await linkPath(assembly, unpaid.id)}/ballots/${ballot.id}/vote`)
      .form({ for_organisation_id: String(unpaid.id), answer: 'yes' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Organisationen har ikke stemmeret.')
    const accepted = await client
      .post(`${await linkPath(assembly, paid.id)}/ballots/${ballot.id}/vote`)
      .form({ for_organisation_id: String(paid.id), answer: 'yes' })
      .withCsrfToken()
      .redirects(0)
    accepted.assertFlashMessage('success', 'Din stemme er afgivet.')

    // Nor can it hand its vote on by proxy.
    const handedOn = await proxy(client, boardUser, assembly, unpaid, paid)
    handedOn.assertFlashMessage('inputErrorsBag', {
      holder_id: ['Organisationen har ikke stemmeret og kan ikke give fuldmagt.'],
    })
  })
})
