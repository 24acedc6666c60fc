import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Motion from '#assemblies/models/motion'
import { UserFactory } from '#database/factories/user_factory'
import { agendaOf, plannedAssembly, statutes } from '#tests/functional/assemblies/helpers'

async function positions(assemblyId: number) {
  return (await agendaOf(assemblyId)).map((item) => [item.position, item.title] as const)
}

test.group('Assemblies: planning and agenda', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    await statutes()
  })

  test('agenda items are added, moved and removed, positions kept 1..n', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const url = `/assemblies/${assembly.id}`

    const added = await client
      .post(`${url}/agenda`)
      .form({ title: 'Jubilæum', description: 'Foreningen fylder 5 år.' })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    added.assertStatus(302)
    added.assertHeader('location', `${url}#agenda`)
    let agenda = await agendaOf(assembly.id)
    assert.lengthOf(agenda, 9)
    assert.equal(agenda[8].title, 'Jubilæum')
    assert.equal(agenda[8].position, 9)
    assert.equal(agenda[8].description, 'Foreningen fylder 5 år.')
    const jubilee = agenda[8]

    const move = (itemId: number, direction: 'up' | 'down') =>
      client
        .post(`${url}/agenda/${itemId}/move`)
        .form({ direction })
        .loginAs(boardUser)
        .withCsrfToken()
        .redirects(0)

    // Up past "Eventuelt".
    ;(await move(jubilee.id, 'up')).assertStatus(302)
    assert.deepEqual((await positions(assembly.id)).slice(6), [
      [7, 'Valg af revisor'],
      [8, 'Jubilæum'],
      [9, 'Eventuelt'],
    ])
    // The first item cannot go further up; nothing changes.
    ;(await move(agenda[0].id, 'up')).assertStatus(302)
    assert.equal(
      (await positions(assembly.id))[0][1],
      'Valg af dirigent, referent og stemmetællere'
    )
    // "Bestyrelsens beretning" down one: it swaps with the accounts.
    ;(await move(agenda[1].id, 'down')).assertStatus(302)
    assert.deepEqual((await positions(assembly.id)).slice(0, 3), [
      [1, 'Valg af dirigent, referent og stemmetællere'],
      [2, 'Fremlæggelse af regnskab til godkendelse'],
      [3, 'Bestyrelsens beretning'],
    ])

    // Remove an item in the middle: the ones after it close the gap.
    const removed = await client
      .delete(`${url}/agenda/${agenda[4].id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    removed.assertStatus(302)
    agenda = await agendaOf(assembly.id)
    assert.lengthOf(agenda, 8)
    assert.deepEqual(
      agenda.map((item) => item.position),
      [1, 2, 3, 4, 5, 6, 7, 8]
    )
    assert.notInclude(
      agenda.map((item) => item.title),
      'Budget og fastsættelse af kontingent'
    )
    assert.deepEqual(
      agenda.map((item) => item.title),
      [
        'Valg af dirigent, referent og stemmetællere',
        'Fremlæggelse af regnskab til godkendelse',
        'Bestyrelsens beretning',
        'Indkomne forslag',
        'Valg af bestyrelse',
        'Valg af revisor',
        'Jubilæum',
        'Eventuelt',
      ]
    )

    // An item of another assembly is not found here.
    const other = await plannedAssembly(30, 'Ekstra generalforsamling')
    const foreign = (await agendaOf(other.id))[0]
    const notFound = await client
      .delete(`${url}/agenda/${foreign.id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    notFound.assertFlashMessage('error', 'Punktet findes ikke.')
    assert.lengthOf(await agendaOf(other.id), 8)
  })

  test('a board motion lands under "Indkomne forslag", and that item cannot be removed', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const url = `/assemblies/${assembly.id}`

    const submitted = await client
      .post(`${url}/motions`)
      .form({
        title: 'Nye vedtægter',
        body: 'Bestyrelsen foreslår § 5 ændret, så kontingentet fastsættes for to år.',
        changes_statutes: '1',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    submitted.assertFlashMessage('success', 'Forslaget er tilføjet.')
    const motion = await Motion.findByOrFail('title', 'Nye vedtægter')
    const agenda = await agendaOf(assembly.id)
    const motionsItem = agenda.find((item) => item.title === 'Indkomne forslag')!
    assert.equal(motion.agendaItemId, motionsItem.id)
    assert.isNull(motion.organisationId)
    assert.isTrue(motion.changesStatutes)

    const page = await client.get(url).loginAs(boardUser)
    page.assertStatus(200)
    assert.include(page.text(), 'Forslag: Nye vedtægter')
    assert.include(page.text(), 'vedtægtsændring: kvalificeret flertal')

    const refused = await client
      .delete(`${url}/agenda/${motionsItem.id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage(
      'error',
      'Punktet har forslag eller afstemninger og kan ikke fjernes.'
    )
    const after = await agendaOf(assembly.id)
    assert.lengthOf(after, 8)
    assert.include(
      after.map((item) => item.id),
      motionsItem.id
    )
  })
})
