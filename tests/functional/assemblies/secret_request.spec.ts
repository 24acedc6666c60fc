import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Ballot from '#assemblies/models/ballot'
import AgendaItem from '#assemblies/models/agenda_item'
import { CreateBallot } from '#assemblies/actions/create_ballot'
import { issueAssemblyLink } from '#assemblies/links'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'

test.group('A member asks for a written ballot', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a present member’s request makes the coming ballot secret; an absent one cannot ask', async ({
    client,
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2, present: 1 })
    const [present, absent] = organisations
    const item = await AgendaItem.query().where('assembly_id', assembly.id).firstOrFail()
    const created = await new CreateBallot().handle(
      assembly.id,
      {
        agendaItemId: item.id,
        motionId: null,
        question: 'Valg af bestyrelse',
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
    if (created.status !== 'created') throw new Error(created.status)
    const absentLink = new URL(await issueAssemblyLink(assembly.id, absent.id))
    const refused = await client
      .post(`${absentLink.pathname}/ballots/${created.ballot.id}/secret`)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Meld jer til stede først.')

    const link = new URL(await issueAssemblyLink(assembly.id, present.id))
    const page = await client.get(link.pathname)
    page.assertTextIncludes('Vi ønsker skriftlig (hemmelig) afstemning')
    const asked = await client
      .post(`${link.pathname}/ballots/${created.ballot.id}/secret`)
      .withCsrfToken()
      .redirects(0)
    asked.assertFlashMessage('success', 'Afstemningen bliver skriftlig (hemmelig), som I ønskede.')
    const ballot = await Ballot.findOrFail(created.ballot.id)
    assert.isTrue(ballot.secret)
    assert.equal(ballot.secretRequestedBy, present.name)
  })
})
