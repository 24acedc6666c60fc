import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Contact from '#members/models/contact'
import { billingRecipients } from '#members/contact_roles'

function contact(
  name: string,
  roles: Partial<Pick<Contact, 'isPrimary' | 'isBilling' | 'erasedAt'>>
) {
  const person = new Contact()
  person.merge({
    name,
    isPrimary: false,
    isBilling: false,
    isDelegate: false,
    isNewsletter: false,
    erasedAt: null,
    ...roles,
  })
  return person
}

test.group('Billing recipients', () => {
  test('are the billing contacts when there are any', ({ assert }) => {
    const recipients = billingRecipients([
      contact('Primær', { isPrimary: true }),
      contact('Bogholder', { isBilling: true }),
      contact('Kasserer', { isBilling: true }),
    ])
    assert.deepEqual(
      recipients.map((person) => person.name),
      ['Bogholder', 'Kasserer']
    )
  })

  test('fall back to the primary contact', ({ assert }) => {
    const recipients = billingRecipients([
      contact('Delegeret', {}),
      contact('Primær', { isPrimary: true }),
    ])
    assert.deepEqual(
      recipients.map((person) => person.name),
      ['Primær']
    )
  })

  test('never include an erased person', ({ assert }) => {
    const recipients = billingRecipients([
      contact('[slettet]', { isBilling: true, erasedAt: DateTime.now() }),
      contact('Primær', { isPrimary: true }),
    ])
    assert.deepEqual(
      recipients.map((person) => person.name),
      ['Primær']
    )
  })
})
