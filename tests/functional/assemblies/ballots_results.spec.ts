import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Ballot from '#assemblies/models/ballot'
import Motion from '#assemblies/models/motion'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { agendaOf, linkPath } from '#tests/functional/assemblies/helpers'
import {
  chairPost,
  createBallot,
  openIt,
  optionId,
  status,
  vote,
  voteAll,
} from '#tests/functional/assemblies/ballot_helpers'

test.group('Assemblies: ballots over HTTP', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a ballot on a motion that changes the statutes needs 2/3 whatever was posted', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const { assembly, organisations } = await assemblyWithMembers({ members: 6, present: 6 })
    const submitted = await client
      .post(`/assemblies/${assembly.id}/motions`)
      .form({
        title: 'Ændring af § 7',
        body: 'Bestyrelsen består fremover af 7 medlemmer.',
        changes_statutes: '1',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    submitted.assertFlashMessage('success', 'Forslaget er tilføjet.')
    const motion = await Motion.findByOrFail('title', 'Ændring af § 7')

    const fields = {
      motion_id: String(motion.id),
      question: 'Vedtages ændringen af § 7?',
      majority: 'simple',
    }
    const first = await createBallot(client, boardUser, assembly, fields)
    assert.equal(first.motionId, motion.id)
    assert.equal(first.majority, 'two_thirds')
    await openIt(client, boardUser, assembly, first)
    // 4 of 6 is exactly 2/3: adopted.
    await voteAll(
      client,
      assembly,
      first,
      organisations.map((organisation, index) => [
        organisation,
        { answer: index < 4 ? 'yes' : 'no' },
      ])
    )
    ;(await chairPost(client, boardUser, assembly, first, 'close')).assertStatus(302)
    const adopted = await status(client, boardUser, assembly, first)
    assert.includeMembers(adopted.lines, [
      'For: 4',
      'Imod: 2',
      'Vedtaget (2/3 af de afgivne stemmer)',
    ])

    const second = await createBallot(client, boardUser, assembly, fields)
    assert.equal(second.majority, 'two_thirds')
    await openIt(client, boardUser, assembly, second)
    // 3 of 5 cast (one blank) is a simple majority but short of 2/3.
    const answers = ['yes', 'yes', 'yes', 'no', 'no', 'blank']
    await voteAll(
      client,
      assembly,
      second,
      organisations.map((organisation, index) => [organisation, { answer: answers[index] }])
    )
    ;(await chairPost(client, boardUser, assembly, second, 'close')).assertStatus(302)
    const rejected = await status(client, boardUser, assembly, second)
    assert.includeMembers(rejected.lines, [
      'For: 3',
      'Imod: 2',
      'Blanke: 1',
      'Forkastet (2/3 af de afgivne stemmer)',
    ])
    assert.equal((await Ballot.findOrFail(second.id)).result!.outcome, 'rejected')

    // Without the motion the same posted form keeps its simple majority.
    const plain = await createBallot(client, boardUser, assembly, {
      question: 'Godkendes budgettet?',
      majority: 'simple',
    })
    assert.equal(plain.majority, 'simple')
  })

  test('an election of 2 among 3 candidates counts the votes and names the elected', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa, beta, gamma],
    } = await assemblyWithMembers({ members: 3, present: 3 })

    // An election needs its seats, a choice two options.
    const item = (await agendaOf(assembly.id))[5]
    const noSeats = await client
      .post(`/assemblies/${assembly.id}/ballots`)
      .form({
        agenda_item_id: String(item.id),
        question: 'Valg til bestyrelsen',
        kind: 'election',
        majority: 'simple',
        method: 'electronic',
        options: 'Anna Berg\nBo Dahl\nCarla Eng',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    noSeats.assertFlashMessage('error', 'Angiv antal pladser.')
    const oneOption = await client
      .post(`/assemblies/${assembly.id}/ballots`)
      .form({
        agenda_item_id: String(item.id),
        question: 'Farve på logoet',
        kind: 'choice',
        majority: 'simple',
        method: 'electronic',
        options: 'Rød',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    oneOption.assertFlashMessage('error', 'Angiv mindst to muligheder.')
    assert.lengthOf(await Ballot.all(), 0)

    const ballot = await createBallot(client, boardUser, assembly, {
      agenda_item_id: String(item.id),
      question: 'Valg til bestyrelsen',
      kind: 'election',
      seats: '2',
      options: 'Anna Berg\nBo Dahl\nCarla Eng\n',
    })
    assert.equal(ballot.seats, 2)
    assert.deepEqual(
      ballot.options.map((option) => option.label),
      ['Anna Berg', 'Bo Dahl', 'Carla Eng']
    )
    await openIt(client, boardUser, assembly, ballot)
    const [anna, bo, carla] = ['Anna Berg', 'Bo Dahl', 'Carla Eng'].map((label) =>
      optionId(ballot, label)
    )

    // Three names for two seats, or one name twice, is not a ballot.
    ;(
      await vote(client, assembly, ballot, alfa, { candidates: [anna, bo, carla] })
    ).assertFlashMessage('error', 'Ugyldig stemme: tjek antallet af kandidater.')
    ;(await vote(client, assembly, ballot, alfa, { candidates: [anna, anna] })).assertFlashMessage(
      'error',
      'Ugyldig stemme: tjek antallet af kandidater.'
    )
    await voteAll(client, assembly, ballot, [
      [alfa, { candidates: [anna, bo] }],
      [beta, { candidates: [carla, anna] }],
      [gamma, { candidates: [bo, anna] }],
    ])
    ;(await chairPost(client, boardUser, assembly, ballot, 'close')).assertStatus(302)
    const { lines } = await status(client, boardUser, assembly, ballot)
    assert.includeMembers(lines, [
      'Anna Berg: 3',
      'Bo Dahl: 2',
      'Carla Eng: 1',
      'Valgt: Anna Berg, Bo Dahl',
    ])
    const result = (await Ballot.findOrFail(ballot.id)).result!
    assert.deepEqual(result.elected, [anna, bo])
    assert.deepEqual(result.tiedAtCutoff, [])
  })

  test('a choice between options with equal votes is reported as a tie', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa, beta, gamma],
    } = await assemblyWithMembers({ members: 3, present: 3 })
    const ballot = await createBallot(client, boardUser, assembly, {
      question: 'Hvor holdes næste generalforsamling?',
      kind: 'choice',
      options: 'Aarhus\nOdense\nAalborg',
    })
    await openIt(client, boardUser, assembly, ballot)
    await voteAll(client, assembly, ballot, [
      [alfa, { option_id: optionId(ballot, 'Aarhus') }],
      [beta, { option_id: optionId(ballot, 'Odense') }],
      [gamma, { option_id: 'blank' }],
    ])
    ;(await chairPost(client, boardUser, assembly, ballot, 'close')).assertStatus(302)
    const { lines } = await status(client, boardUser, assembly, ballot)
    assert.includeMembers(lines, [
      'Aarhus: 1',
      'Odense: 1',
      'Aalborg: 0',
      'Blanke: 1',
      'Stemmelighed mellem Aarhus, Odense',
    ])
    assert.notInclude(lines.join('\n'), 'Flest stemmer')
    assert.isTrue((await Ballot.findOrFail(ballot.id)).result!.tie)
  })

  test('a quorum of 50 % with too few present: not quorate, and the motion is rejected', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa, beta, gamma],
    } = await assemblyWithMembers({ members: 5, present: 2 })
    const ballot = await createBallot(client, boardUser, assembly, { quorum_percent: '50' })
    assert.equal(ballot.quorumPercent, 50)
    await openIt(client, boardUser, assembly, ballot)
    await voteAll(client, assembly, ballot, [
      [alfa, { answer: 'yes' }],
      [beta, { answer: 'yes' }],
    ])
    ;(await chairPost(client, boardUser, assembly, ballot, 'close')).assertStatus(302)
    const { lines } = await status(client, boardUser, assembly, ballot)
    assert.includeMembers(lines, [
      'For: 2',
      'Ikke beslutningsdygtig: 2 af 5 repræsenteret',
      'Forkastet (simpelt flertal)',
    ])
    const result = (await Ballot.findOrFail(ballot.id)).result!
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.quorumMet)
    assert.isTrue(result.mayRetryWithoutQuorum)

    // A third member arrives: 3 of 5 is at least half, and the same votes carry it.
    await client
      .post(`${await linkPath(assembly, gamma.id)}/attendance`)
      .form({ representative: 'Gitte Gram' })
      .withCsrfToken()
    const again = await createBallot(client, boardUser, assembly, { quorum_percent: '50' })
    await openIt(client, boardUser, assembly, again)
    await voteAll(client, assembly, again, [
      [alfa, { answer: 'yes' }],
      [beta, { answer: 'yes' }],
    ])
    ;(await chairPost(client, boardUser, assembly, again, 'close')).assertStatus(302)
    assert.includeMembers((await status(client, boardUser, assembly, again)).lines, [
      'Beslutningsdygtig: 3 af 5 repræsenteret',
      'Vedtaget (simpelt flertal)',
    ])
  })
})
