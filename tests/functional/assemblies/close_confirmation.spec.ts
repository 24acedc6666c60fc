import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Assembly from '#assemblies/models/assembly'
import AuditEvent from '#audit/models/audit_event'
import { CreateBallot } from '#assemblies/actions/create_ballot'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import AgendaItem from '#assemblies/models/agenda_item'
import RegisterSnapshot from '#assemblies/models/register_snapshot'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers, board, openBallot } from '#tests/helpers/assemblies'

async function draftBallot(assembly: Assembly, question: string) {
  const item = await AgendaItem.query().where('assembly_id', assembly.id).firstOrFail()
  await new CreateBallot().handle(
    assembly.id,
    {
      agendaItemId: item.id,
      motionId: null,
      question,
      kind: 'yes_no',
      secret: false,
      majority: 'simple',
      quorumPercent: null,
      seats: null,
      method: 'electronic',
      options: [],
    },
    board
  )
}

test.group('The confirmation before an assembly is closed', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('says what closing settles; open ballots first; a typed LUK closes once, a second close is harmless', async ({
    client,
    assert,
  }) => {
    const chair = await UserFactory.apply('board').create()
    const { assembly } = await assemblyWithMembers({ members: 4, present: 3 })
    const finished = await openBallot(assembly, { question: 'Godkendes regnskabet?' })
    await new CloseBallot().handle(finished.id, null, board)
    const open = await openBallot(assembly, { question: 'Vælges Anna til bestyrelsen?' })
    await draftBallot(assembly, 'Ændres kontingentet?')
    const close = (form: Record<string, string>) =>
      client
        .post(`/assemblies/${assembly.id}/close`)
        .form(form)
        .loginAs(chair)
        .withCsrfToken()
        .redirects(0)

    const page = await client.get(`/assemblies/${assembly.id}/close`).loginAs(chair)
    page.assertStatus(200)
    page.assertTextIncludes('Lukker generalforsamlingen; afstemninger kan derefter ikke ændres')
    page.assertTextIncludes('3 medlemmer tjekket ind')
    page.assertTextIncludes('1 lukket · 1 åben · 1 ikke åbnet')
    page.assertTextIncludes('Vælges Anna til bestyrelsen?')
    assert.notInclude(
      page.text(),
      'data-testid="confirm-close"',
      'no closing while a ballot is open'
    )
    // Posted anyway (an old tab): the action refuses, and the page says why.
    const refused = await close({ confirmation: 'LUK' })
    refused.assertFlashMessage('error', 'Luk den åbne afstemning først.')
    assert.equal(refused.header('location'), `/assemblies/${assembly.id}/close`)
    await assembly.refresh()
    assert.notEqual(assembly.status, 'closed')

    await new CloseBallot().handle(open.id, null, board)
    const ready = await client.get(`/assemblies/${assembly.id}/close`).loginAs(chair)
    ready.assertTextIncludes('data-testid="confirm-close"')
    ready.assertTextIncludes('Skriv LUK for at bekræfte')

    const attempts: Record<string, string>[] = [{}, { confirmation: '' }, { confirmation: 'ja' }]
    for (const form of attempts) {
      const unconfirmed = await close(form)
      assert.equal(unconfirmed.header('location'), `/assemblies/${assembly.id}/close`)
      unconfirmed.assertFlashMessage('inputErrorsBag', {
        confirmation: ['Skriv LUK i feltet for at lukke generalforsamlingen.'],
      })
    }
    await assembly.refresh()
    assert.notEqual(assembly.status, 'closed')
    assert.isNull(await RegisterSnapshot.findBy('assembly_id', assembly.id))

    const closed = await close({ confirmation: ' luk ' })
    closed.assertFlashMessage('success', 'Generalforsamlingen er afsluttet.')
    assert.equal(closed.header('location'), `/assemblies/${assembly.id}/minutes`)
    await assembly.refresh()
    assert.equal(assembly.status, 'closed')
    assert.isNotNull(await RegisterSnapshot.findBy('assembly_id', assembly.id))

    // The back button and the form sent again: nothing more happens.
    const again = await close({ confirmation: 'LUK' })
    again.assertFlashMessage('error', 'Generalforsamlingen er allerede afsluttet.')
    const resent = await close({})
    assert.equal(resent.header('location'), `/assemblies/${assembly.id}/minutes`)
    const back = await client.get(`/assemblies/${assembly.id}/close`).loginAs(chair).redirects(0)
    assert.equal(back.header('location'), `/assemblies/${assembly.id}/minutes`)
    const events = await AuditEvent.query()
      .where('action', 'assembly.closed')
      .where('subject_id', String(assembly.id))
    assert.lengthOf(events, 1)
  })

  test('only the board closes; a post without a CSRF token closes nothing', async ({
    client,
    assert,
  }) => {
    const { assembly } = await assemblyWithMembers({ members: 1 })
    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get(`/assemblies/${assembly.id}/close`).loginAs(user)).assertStatus(403)
      const posted = await client
        .post(`/assemblies/${assembly.id}/close`)
        .form({ confirmation: 'LUK' })
        .loginAs(user)
        .withCsrfToken()
      posted.assertStatus(403)
    }
    const chair = await UserFactory.apply('board').create()
    const forged = await client
      .post(`/assemblies/${assembly.id}/close`)
      .form({ confirmation: 'LUK' })
      .loginAs(chair)
      .redirects(0)
    assert.notEqual(forged.status(), 200)
    await assembly.refresh()
    assert.notEqual(assembly.status, 'closed')
  })
})
