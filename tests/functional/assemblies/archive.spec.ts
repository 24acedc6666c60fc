import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { SubmitMotion } from '#assemblies/actions/submit_motion'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import { asBytes } from '#tests/helpers/bytes'
import { pdfText } from '#tests/helpers/pdf_text'

test.group('Assemblies: archive search and the voting register as PDF', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the search finds an assembly by a word in its motions; other words find nothing', async ({
    client,
  }) => {
    const user = await UserFactory.apply('board').create()
    const { assembly } = await assemblyWithMembers({ members: 1 })
    await new SubmitMotion().handle(
      {
        assemblyId: assembly.id,
        organisationId: null,
        title: 'Kontingent for studerende',
        body: 'Studerende betaler halvt.',
        changesStatutes: false,
        agendaItemId: null,
      },
      board
    )
    const found = await client.get('/assemblies?q=studerende').loginAs(user)
    found.assertTextIncludes(`href="/assemblies/${assembly.id}"`)
    const none = await client.get('/assemblies?q=fodbold').loginAs(user)
    none.assertStatus(200)
    none.assertTextIncludes('Ingen planlagte generalforsamlinger.')
  })

  test('the voting register PDF lists who is present and the totals', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('board').create()
    const { assembly, organisations } = await assemblyWithMembers({ members: 2, present: 1 })
    const response = await asBytes(
      client.get(`/assemblies/${assembly.id}/register/pdf`).loginAs(user)
    )
    response.assertHeader('content-type', 'application/pdf')
    const text = (await pdfText(response.body() as Buffer)).replace(/\s+/g, ' ')
    for (const organisation of organisations) assert.include(text, organisation.name)
    assert.include(text, 'Delegeret')
  })
})
