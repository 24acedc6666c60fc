import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import Ballot from '#assemblies/models/ballot'
import Motion from '#assemblies/models/motion'
import type Organisation from '#members/models/organisation'
import type User from '#identity/models/user'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { agendaOf, latestBallot, linkPath } from '#tests/functional/assemblies/helpers'

type Form = Record<string, string | string[]>

/** A ballot through the chair's form under the accounts item; the flash must say it was made. */
async function createBallot(client: ApiClient, user: User, assembly: Assembly, fields: Form) {
  const item = (await agendaOf(assembly.id)).find(
    (candidate) => candidate.title === 'Fremlæggelse af regnskab til godkendelse'
  )!
  const response = await client
    .post(`/assemblies/${assembly.id}/ballots`)
    .form({
      agenda_item_id: String(item.id),
      question: 'Godkendes regnskabet?',
      kind: 'yes_no',
      majority: 'simple',
      method: 'electronic',
      ...fields,
    })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  response.assertHeader('location', `/assemblies/${assembly.id}/chair`)
  response.assertFlashMessage('success', 'Afstemningen er oprettet.')
  return latestBallot(assembly.id)
}

function chairPost(
  client: ApiClient,
  user: User,
  assembly: Assembly,
  ballot: Ballot,
  action: 'open' | 'close',
  form: Form = {}
) {
  return client
    .post(`/assemblies/${assembly.id}/ballots/${ballot.id}/${action}`)
    .form(form)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

async function openIt(client: ApiClient, user: User, assembly: Assembly, ballot: Ballot) {
  const response = await chairPost(client, user, assembly, ballot, 'open')
  response.assertStatus(302)
  response.assertHeader('location', `/assemblies/${assembly.id}/chair`)
  await ballot.refresh()
  if (ballot.status !== 'open') throw new Error(`The ballot did not open: ${ballot.status}`)
}

async function status(client: ApiClient, user: User, assembly: Assembly, ballot: Ballot) {
  const response = await client
    .get(`/assemblies/${assembly.id}/ballots/${ballot.id}/status`)
    .loginAs(user)
  response.assertStatus(200)
  return response.body() as {
    id: number
    status: string
    cast?: number
    missing?: number
    lines: string[]
  }
}

/** One vote through an organisation's personal link, cast by `caster` for `forId`. */
async function vote(
  client: ApiClient,
  assembly: Assembly,
  ballot: Ballot,
  caster: Organisation,
  choice: Form,
  forId = caster.id
) {
  const path = await linkPath(assembly, caster.id)
  const response = await client
    .post(`${path}/ballots/${ballot.id}/vote`)
    .form({ for_organisation_id: String(forId), ...choice })
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  response.assertHeader('location', path)
  return response
}

const RECORDED = 'Din stemme er afgivet.'

/** Each organisation votes for itself; every vote must be recorded. */
async function voteAll(
  client: ApiClient,
  assembly: Assembly,
  ballot: Ballot,
  votes: [Organisation, Form][]
) {
  for (const [organisation, choice] of votes) {
    ;(await vote(client, assembly, ballot, organisation, choice)).assertFlashMessage(
      'success',
      RECORDED
    )
  }
}

function optionId(ballot: Ballot, label: string) {
  const option = ballot.options.find((candidate) => candidate.label === label)
  if (!option) throw new Error(`No option ${label}`)
  return String(option.id)
}

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

  test('the chair’s screen counts a proxy among the votes missing', async ({ client, assert }) => {
    const boardUser = await UserFactory.apply('board').create()
    const {
      assembly,
      organisations: [alfa, , , delta],
    } = await assemblyWithMembers({ members: 4, present: 3 })
    const given = await client
      .post(`/assemblies/${assembly.id}/proxies`)
      .form({ giver_id: String(delta.id), holder_id: String(alfa.id) })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    given.assertFlashMessage('success', 'Fuldmagten er registreret.')
    const ballot = await createBallot(client, boardUser, assembly, { secret: '1' })
    assert.isTrue(ballot.secret)

    // A draft ballot has no live count yet.
    let chair = await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)
    chair.assertStatus(200)
    assert.notInclude(chair.text(), 'data-testid="live-count"')
    assert.include(chair.text(), 'Åbn afstemningen')

    await openIt(client, boardUser, assembly, ballot)
    chair = await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)
    chair.assertStatus(200)
    assert.include(chair.text(), 'Afgivne stemmer: 0 · mangler: 4')
    assert.include(chair.text(), 'Luk afstemningen')

    // The holder votes for itself and for the member whose proxy it holds.
    ;(await vote(client, assembly, ballot, alfa, { answer: 'no' })).assertFlashMessage(
      'success',
      RECORDED
    )
    ;(await vote(client, assembly, ballot, alfa, { answer: 'yes' }, delta.id)).assertFlashMessage(
      'success',
      RECORDED
    )
    chair = await client.get(`/assemblies/${assembly.id}/chair`).loginAs(boardUser)
    assert.include(chair.text(), 'Afgivne stemmer: 2 · mangler: 2')
    // Secret and open: the counts show, the choices do not.
    const live = await status(client, boardUser, assembly, ballot)
    assert.deepEqual(live, {
      id: ballot.id,
      status: 'open',
      secret: ballot.secret,
      cast: 2,
      missing: 2,
      lines: [],
    })
  })

  test('the treasurer may not create, open or close a ballot', async ({ client, assert }) => {
    const boardUser = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    const { assembly } = await assemblyWithMembers({ members: 2, present: 2 })
    const item = (await agendaOf(assembly.id))[2]
    const draft = await createBallot(client, boardUser, assembly, {})

    const created = await client
      .post(`/assemblies/${assembly.id}/ballots`)
      .form({
        agenda_item_id: String(item.id),
        question: 'Godkendes regnskabet?',
        kind: 'yes_no',
        majority: 'simple',
        method: 'electronic',
      })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(403)
    assert.lengthOf(await Ballot.all(), 1)

    ;(await chairPost(client, treasurer, assembly, draft, 'open')).assertStatus(403)
    assert.equal((await Ballot.findOrFail(draft.id)).status, 'draft')

    await openIt(client, boardUser, assembly, draft)
    ;(await chairPost(client, treasurer, assembly, draft, 'close')).assertStatus(403)
    assert.equal((await Ballot.findOrFail(draft.id)).status, 'open')
    ;(
      await client.get(`/assemblies/${assembly.id}/ballots/${draft.id}/status`).loginAs(treasurer)
    ).assertStatus(403)
    ;(await client.get(`/assemblies/${assembly.id}/chair`).loginAs(treasurer)).assertStatus(403)
  })
})
