import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Ballot from '#assemblies/models/ballot'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers } from '#tests/helpers/assemblies'
import { agendaOf } from '#tests/functional/assemblies/helpers'
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
