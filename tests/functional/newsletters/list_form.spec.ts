import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterList from '#newsletters/models/newsletter_list'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'

const FORM = {
  name: 'Medlemsnyt',
  slug: 'medlemsnyt',
  consent_text: 'Ja tak, send mig Medlemsnyt. Jeg kan altid afmelde mig.',
}

test.group('Newsletter list form: member offer and public archive', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the form shows both checkboxes', async ({ client }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const form = await client.get('/newsletters/lists/new').loginAs(secretariat)
    form.assertStatus(200)
    form.assertTextIncludes('Tilbydes medlemmer i portalen')
    form.assertTextIncludes('Vis tidligere udgaver i det offentlige arkiv')
    form.assertTextIncludes('name="for_members"')
    form.assertTextIncludes('name="archive_public"')
  })

  test('saving stores both flags, and the log records them', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    await client
      .post('/newsletters/lists')
      .form({ ...FORM, for_members: '1', archive_public: '1' })
      .loginAs(secretariat)
      .withCsrfToken()
    const list = await NewsletterList.findByOrFail('slug', 'medlemsnyt')
    assert.isTrue(list.forMembers)
    assert.isTrue(list.archivePublic)
    const created = await AuditEvent.findByOrFail('action', 'list.created')
    assert.deepInclude(created.changes!, { forMembers: { from: null, to: true } })

    const edit = await client.get(`/newsletters/lists/${list.id}/edit`).loginAs(secretariat)
    assert.match(edit.text(), /name="for_members"\s+value="1"\s+checked/)

    // Unticked boxes are not sent: both flags go off.
    await client
      .put(`/newsletters/lists/${list.id}`)
      .form(FORM)
      .loginAs(secretariat)
      .withCsrfToken()
    await list.refresh()
    assert.isFalse(list.forMembers)
    assert.isFalse(list.archivePublic)
    const updated = await AuditEvent.findByOrFail('action', 'list.updated')
    assert.deepEqual(updated.changes, {
      archivePublic: { from: true, to: false },
      forMembers: { from: true, to: false },
    })
  })
})
