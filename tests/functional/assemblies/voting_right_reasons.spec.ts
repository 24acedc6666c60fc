import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type Assembly from '#assemblies/models/assembly'
import type Organisation from '#members/models/organisation'
import type User from '#identity/models/user'
import { CheckIn } from '#assemblies/actions/check_in'
import { CastVote } from '#assemblies/actions/cast_vote'
import { IssueDuesInvoice, danishToday } from '#dues/actions/issue_dues_invoice'
import { RecordPayment } from '#dues/actions/record_payment'
import { UserFactory } from '#database/factories/user_factory'
import { board, openBallot } from '#tests/helpers/assemblies'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { foldSpace } from '#tests/helpers/text'
import { linkPath, plannedAssembly, statutes } from '#tests/functional/assemblies/helpers'

/** The voting-right cell of an organisation's row on the register page. */
async function rightOf(client: ApiClient, user: User, assembly: Assembly, name: string) {
  const page = await client.get(`/assemblies/${assembly.id}/register`).loginAs(user)
  page.assertStatus(200)
  const row = foldSpace(page.text())
    .split('<tr>')
    .find((candidate) => candidate.trimStart().startsWith(`<td>${name}</td>`))
  const cell = row?.match(/<td data-testid="right">(.*?)<\/td>/)?.[1]
  if (cell === undefined) throw new Error(`No row for ${name} in the register`)
  return cell.trim()
}

async function named(organisation: Organisation, name: string) {
  organisation.name = name
  await organisation.save()
  return organisation
}

/**
 * Members of an assembly three weeks ahead, one for each case: never
 * invoiced, invoiced today and due after the assembly, paid, exempt (its
 * tier charges nothing) and long past due.
 */
async function membersInEveryCase() {
  await sellerSettings({ invoiceDueDays: 30 })
  const assembly = await plannedAssembly(21)
  const year = assembly.startsAt.setZone('Europe/Copenhagen').year
  const {
    organisations: [notInvoiced, notDue, paid, overdue],
  } = await tierWithMembers({ year, count: 4 })
  const {
    organisations: [exempt],
  } = await tierWithMembers({ year, feeOre: 0 })
  const issue = async (organisation: Organisation, daysAgo: number) => {
    const result = await new IssueDuesInvoice().handle(
      { organisationId: organisation.id, year, issueDate: danishToday().minus({ days: daysAgo }) },
      board
    )
    if (result.status !== 'issued') throw new Error(result.status)
    return result.invoice
  }
  await issue(notDue, 0)
  await issue(overdue, 60)
  const invoice = await issue(paid, 60)
  await new RecordPayment().handle(
    {
      invoiceId: invoice.id,
      amountOre: invoice.totalOre,
      paidOn: danishToday().minus({ days: 50 }),
      method: 'bank_transfer',
      note: null,
    },
    board
  )
  return {
    assembly,
    notInvoiced: await named(notInvoiced, 'Aldrig Faktureret'),
    notDue: await named(notDue, 'Ikke Forfalden'),
    paid: await named(paid, 'Betalt Forening'),
    exempt: await named(exempt, 'Fritaget Forening'),
    overdue: await named(overdue, 'Skyldig Forening'),
  }
}

test.group('Assemblies: voting right as the statutes say, with the reason shown', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('never invoiced, not yet due, paid, exempt and overdue, under both settings', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('board').create()
    const { assembly } = await membersInEveryCase()
    const rights = async () =>
      Object.fromEntries(
        await Promise.all(
          [
            'Aldrig Faktureret',
            'Ikke Forfalden',
            'Betalt Forening',
            'Fritaget Forening',
            'Skyldig Forening',
          ].map(async (name) => [name, await rightOf(client, user, assembly, name)])
        )
      )

    await statutes({
      unpaidDuesRemoveVotingRight: true,
      votesWhenNotInvoiced: true,
      votesWhenDuesNotDue: true,
    })
    assert.deepEqual(await rights(), {
      'Aldrig Faktureret': 'Ja – ikke faktureret',
      'Ikke Forfalden': 'Ja – ikke forfalden',
      'Betalt Forening': 'Ja',
      'Fritaget Forening': 'Ja – fritaget',
      'Skyldig Forening': 'Nej – ikke betalt',
    })

    await statutes({
      unpaidDuesRemoveVotingRight: true,
      votesWhenNotInvoiced: false,
      votesWhenDuesNotDue: false,
    })
    assert.deepEqual(await rights(), {
      'Aldrig Faktureret': 'Nej – ikke faktureret',
      'Ikke Forfalden': 'Nej – ikke forfalden',
      'Betalt Forening': 'Ja',
      'Fritaget Forening': 'Ja – fritaget',
      'Skyldig Forening': 'Nej – ikke betalt',
    })

    // With unpaid dues not taking the vote, every member votes and the register still says why.
    await statutes({ unpaidDuesRemoveVotingRight: false })
    assert.equal(await rightOf(client, user, assembly, 'Skyldig Forening'), 'Ja – ikke betalt')
  })

  test('a delegate without voting right is told so and why, never that it has voted', async ({
    client,
    assert,
  }) => {
    await statutes({
      unpaidDuesRemoveVotingRight: true,
      votesWhenNotInvoiced: false,
      votesWhenDuesNotDue: true,
    })
    const { assembly, notInvoiced, paid, overdue } = await membersInEveryCase()
    for (const organisation of [notInvoiced, paid]) {
      await new CheckIn().handle(
        {
          assemblyId: assembly.id,
          organisationId: organisation.id,
          present: true,
          representative: 'Delegeret',
          by: 'board',
        },
        board
      )
    }
    const ballot = await openBallot(assembly)

    const page = async (organisation: Organisation) => {
      const response = await client.get(await linkPath(assembly, organisation.id))
      response.assertStatus(200)
      return foldSpace(response.text())
    }
    // Present, but not invoiced and the statutes say that takes the vote.
    const present = await page(notInvoiced)
    assert.include(present, 'Jeres organisation har ikke stemmeret: ikke faktureret.')
    assert.include(present, 'I kan ikke stemme i denne afstemning.')
    assert.notInclude(present, 'I har stemt.')
    assert.notInclude(present, 'name="answer"')
    // Absent and overdue: the same, and no ballot form either.
    const absent = await page(overdue)
    assert.include(absent, 'Jeres organisation har ikke stemmeret: ikke betalt.')
    assert.notInclude(absent, 'I har stemt.')
    assert.notInclude(absent, 'name="answer"')

    // A member that may vote has the form until it has voted, and only then is told so.
    assert.include(await page(paid), 'name="answer"')
    assert.notInclude(await page(paid), 'I har stemt.')
    const cast = await new CastVote().handle({
      ballotId: ballot.id,
      casterId: paid.id,
      forOrganisationId: paid.id,
      choice: { kind: 'yes_no', answer: 'yes' },
    })
    assert.equal(cast.status, 'recorded')
    const voted = await page(paid)
    assert.include(voted, 'I har stemt.')
    assert.notInclude(voted, 'har ikke stemmeret')
  })
})
