import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import { SaveContact } from '#members/actions/save_contact'
import { RemoveContact } from '#members/actions/remove_contact'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { board } from '#tests/unit/members/organisation_helpers'

test.group('Contacts of an organisation', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('keep exactly one primary contact', async ({ assert }) => {
    const member = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const result = await new SaveContact().handle(
      { organisationId: member.id },
      {
        name: 'Ny Primær',
        title: null,
        email: 'ny@example.org',
        phone: null,
        isPrimary: true,
        isBilling: true,
        isDelegate: false,
        isNewsletter: false,
      },
      board
    )
    assert.equal(result.status, 'saved')
    const primaries = await Contact.query()
      .where('organisation_id', member.id)
      .where('is_primary', true)
    assert.lengthOf(primaries, 1)
    assert.equal(primaries[0].name, 'Ny Primær')
  })

  test('the last primary contact of a member cannot step down or be removed', async ({
    assert,
  }) => {
    const member = await OrganisationFactory.with('contacts', 1, (contact) =>
      contact.apply('primary')
    ).create()
    const [primary] = await Contact.query().where('organisation_id', member.id)

    const stepDown = await new SaveContact().handle(
      { organisationId: member.id, contactId: primary.id },
      {
        name: primary.name,
        title: null,
        email: primary.email,
        phone: primary.phone,
        isPrimary: false,
        isBilling: false,
        isDelegate: false,
        isNewsletter: false,
      },
      board
    )
    assert.equal(stepDown.status, 'primary_required')
    const remove = await new RemoveContact().handle(
      { organisationId: member.id, contactId: primary.id },
      board
    )
    assert.equal(remove.status, 'is_primary')
  })

  test('a contact of another organisation is not found', async ({ assert }) => {
    const one = await OrganisationFactory.with('contacts', 1).create()
    const other = await OrganisationFactory.create()
    const [contact] = await Contact.query().where('organisation_id', one.id)
    const result = await new RemoveContact().handle(
      { organisationId: other.id, contactId: contact.id },
      board
    )
    assert.equal(result.status, 'not_found')
    assert.exists(await Contact.find(contact.id))
  })
})
