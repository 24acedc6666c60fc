import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Attendance from '#assemblies/models/attendance'
import Ballot from '#assemblies/models/ballot'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { linkPath } from '#tests/functional/assemblies/helpers'
import {
  RECORDED,
  chairPost,
  createBallot,
  openIt,
  status,
  vote,
} from '#tests/functional/assemblies/ballot_helpers'

test.group('Assemblies: ballots over HTTP', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('yes/no: self check-in, open, vote from the link, live status, close; refused votes', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa, beta, gamma],
    } = await assemblyWithMembers({ members: 3, present: 0 })

    // Two delegates check themselves in from their links.
    for (const [organisation, name] of [
      [alfa, 'Anna Andersen'],
      [beta, 'Bo Bech'],
    ] as const) {
      const path = await linkPath(assembly, organisation.id)
      const response = await client
        .post(`${path}/attendance`)
        .form({ representative: name })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', path)
      response.assertFlashMessage('success', 'Fremmødet er registreret.')
      const attendance = await Attendance.query()
        .where('assembly_id', assembly.id)
        .where('organisation_id', organisation.id)
        .firstOrFail()
      assert.isTrue(attendance.present)
      assert.equal(attendance.representative, name)
      assert.equal(attendance.checkedInBy, 'self')
    }

    const ballot = await createBallot(client, boardUser, assembly, {})
    assert.equal(ballot.status, 'draft')
    assert.equal(ballot.majority, 'simple')
    assert.isFalse(ballot.secret)
    await openIt(client, boardUser, assembly, ballot)
    await assembly.refresh()
    assert.equal(assembly.status, 'open')

    assert.deepInclude(await status(client, boardUser, assembly, ballot), {
      status: 'open',
      cast: 0,
      missing: 2,
    })
    const chair = await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)
    chair.assertStatus(200)
    assert.include(chair.text(), 'Afgivne stemmer: 0 · mangler: 2')
    assert.include(chair.text(), 'Godkendes regnskabet?')

    // The delegate's page offers the ballot.
    const phone = await client.get(await linkPath(assembly, alfa.id))
    phone.assertStatus(200)
    assert.include(phone.text(), 'Godkendes regnskabet?')
    assert.include(phone.text(), `/ballots/${ballot.id}/vote`)

    ;(await vote(client, assembly, ballot, alfa, { answer: 'yes' })).assertFlashMessage(
      'success',
      RECORDED
    )
    ;(await vote(client, assembly, ballot, alfa, { answer: 'no' }, beta.id)).assertFlashMessage(
      'error',
      'Du kan ikke stemme for den organisation.'
    )
    ;(await vote(client, assembly, ballot, alfa, { answer: 'no' })).assertFlashMessage(
      'error',
      'Der er allerede stemt for den organisation.'
    )
    ;(await vote(client, assembly, ballot, gamma, { answer: 'no' })).assertFlashMessage(
      'error',
      'Tjek ind som til stede, før du stemmer.'
    )
    assert.deepInclude(await status(client, boardUser, assembly, ballot), {
      status: 'open',
      cast: 1,
      missing: 1,
    })
    assert.include(
      (await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)).text(),
      'Afgivne stemmer: 1 · mangler: 1'
    )

    ;(await vote(client, assembly, ballot, beta, { answer: 'yes' })).assertFlashMessage(
      'success',
      RECORDED
    )
    assert.deepInclude(await status(client, boardUser, assembly, ballot), {
      status: 'open',
      cast: 2,
      missing: 0,
    })

    const closed = await chairPost(client, boardUser, assembly, ballot, 'close')
    closed.assertStatus(302)
    closed.assertHeader('location', `/assemblies/${assembly.id}/chair`)
    const after = await status(client, boardUser, assembly, ballot)
    assert.equal(after.status, 'closed')
    assert.notProperty(after, 'cast')
    assert.includeMembers(after.lines, [
      'For: 2',
      'Imod: 0',
      'Blanke: 0',
      'Vedtaget (simpelt flertal)',
    ])
    const stored = await Ballot.findOrFail(ballot.id)
    assert.equal(stored.status, 'closed')
    assert.isNotNull(stored.closedAt)
    assert.deepInclude(stored.result!, { outcome: 'adopted', counts: { yes: 2, no: 0, blank: 0 } })

    // After close: a late arrival's vote is refused, and the ballot neither reopens nor recloses.
    const gammaPath = await linkPath(assembly, gamma.id)
    await client
      .post(`${gammaPath}/attendance`)
      .form({ representative: 'Gitte Gram' })
      .withCsrfToken()
    ;(await vote(client, assembly, ballot, gamma, { answer: 'no' })).assertFlashMessage(
      'error',
      'Afstemningen er ikke åben.'
    )
    ;(await chairPost(client, boardUser, assembly, ballot, 'open')).assertFlashMessage(
      'error',
      'Afstemningen er allerede åbnet.'
    )
    ;(await chairPost(client, boardUser, assembly, ballot, 'close')).assertFlashMessage(
      'error',
      'Afstemningen er ikke åben.'
    )
    const unchanged = await Ballot.findOrFail(ballot.id)
    assert.equal(unchanged.status, 'closed')
    assert.deepEqual(unchanged.result, stored.result)

    const resultPage = await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)
    assert.include(resultPage.text(), 'Vedtaget (simpelt flertal)')
    assert.notInclude(resultPage.text(), 'data-testid="live-count"')
  })

  test('show of hands: votes from the link are refused; close needs the counts and stores them', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa],
    } = await assemblyWithMembers({ members: 3, present: 3 })
    const ballot = await createBallot(client, boardUser, assembly, { method: 'show_of_hands' })
    assert.equal(ballot.method, 'show_of_hands')
    await openIt(client, boardUser, assembly, ballot)

    ;(await vote(client, assembly, ballot, alfa, { answer: 'yes' })).assertFlashMessage(
      'error',
      'Denne afstemning foregår ved håndsoprækning.'
    )

    const withoutCounts = await chairPost(client, boardUser, assembly, ballot, 'close')
    withoutCounts.assertStatus(302)
    withoutCounts.assertFlashMessage('error', 'Angiv optællingen fra håndsoprækningen.')
    let stored = await Ballot.findOrFail(ballot.id)
    assert.equal(stored.status, 'open')
    assert.isNull(stored.result)

    const counted = await chairPost(client, boardUser, assembly, ballot, 'close', {
      yes: '2',
      no: '1',
      blank: '0',
    })
    counted.assertStatus(302)
    stored = await Ballot.findOrFail(ballot.id)
    assert.equal(stored.status, 'closed')
    assert.deepInclude(stored.result!, {
      counts: { yes: 2, no: 1, blank: 0 },
      outcome: 'adopted',
    })
    assert.includeMembers((await status(client, boardUser, assembly, ballot)).lines, [
      'For: 2',
      'Imod: 1',
      'Blanke: 0',
      'Vedtaget (simpelt flertal)',
    ])
  })
})
