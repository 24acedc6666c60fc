import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AgendaItem from '#assemblies/models/agenda_item'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

test.group('Signing links, as the minutes page confirms them', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the page names who gets a link; the form posted twice sends once; a post without it sends none', async ({
    client,
    assert,
  }) => {
    const { assembly } = await assemblyWithMembers({ members: 1 })
    await new CloseAssembly().handle(assembly.id, board)
    const chair = await UserFactory.apply('board').create()
    const [item] = await AgendaItem.query().where('assembly_id', assembly.id).orderBy('position')
    await client
      .put(`/assemblies/${assembly.id}/minutes`)
      .form({
        dirigent_name: 'Dorte Dirigent',
        dirigent_email: 'dorte@example.org',
        referent_name: 'Rasmus Referent',
        referent_email: 'rasmus@example.org',
        [`notes[i${item.id}]`]: 'Dorte blev valgt.',
      })
      .loginAs(chair)
      .withCsrfToken()
    const url = `/assemblies/${assembly.id}/minutes/links`

    const page = await client.get(`/assemblies/${assembly.id}/minutes`).loginAs(chair)
    page.assertTextIncludes('Sender et personligt underskriftslink til:')
    page.assertTextIncludes('Dirigent: Dorte Dirigent &lt;dorte@example.org&gt;')
    page.assertTextIncludes('Referent: Rasmus Referent &lt;rasmus@example.org&gt;')
    page.assertTextIncludes('name="seen_links" value="0"')

    const bare = await client.post(url).loginAs(chair).withCsrfToken().redirects(0)
    bare.assertFlashMessage(
      'error',
      'Send underskriftslinks fra referatets side, hvor der står, hvem der får dem.'
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(catcher.messages, 0)

    const send = () =>
      client.post(url).form({ seen_links: 0 }).loginAs(chair).withCsrfToken().redirects(0)
    ;(await send()).assertFlashMessage('success', '2 underskriftslinks sendt.')
    ;(await send()).assertFlashMessage(
      'error',
      'Underskriftslinks er sendt, siden du så siden; de er ikke sendt igen.'
    )
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const to = catcher.messages.map(recipientsOf).join(' | ')
    assert.lengthOf(catcher.messages, 2)
    assert.include(to, 'dorte@example.org')
    assert.include(to, 'rasmus@example.org')
    const again = await client.get(`/assemblies/${assembly.id}/minutes`).loginAs(chair)
    again.assertTextIncludes('Der er sendt 2 links til denne version før; de virker stadig.')
    again.assertTextIncludes('name="seen_links" value="2"')
  })
})
