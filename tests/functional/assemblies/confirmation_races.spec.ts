import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import { SendNotice } from '#assemblies/actions/send_notice'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { plannedAssembly } from '#tests/functional/assemblies/helpers'
import { Actors } from '#audit/actor'

/*
 * A confirmed notice or close posted twice at once (a double click, two
 * tabs) must happen once. A test transaction would put both requests on one
 * connection, so this group runs on the real pool and removes what it wrote.
 */
test.group('Assembly confirmations under concurrent posts', (group) => {
  let catcher: MailCatcher
  const made = { users: [] as number[], organisations: [] as number[], assemblies: [] as number[] }
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return async () => {
      await catcher.stop()
      const snapshots = db
        .from('assembly_register_snapshots')
        .whereIn('assembly_id', made.assemblies)
        .select('id')
      await db.from('assembly_register_snapshot_lines').whereIn('snapshot_id', snapshots).delete()
      for (const table of [
        'assembly_register_snapshots',
        'assembly_links',
        'attendances',
        'ballots',
        'motions',
        'agenda_items',
      ]) {
        await db.from(table).whereIn('assembly_id', made.assemblies).delete()
      }
      await db.from('assemblies').whereIn('id', made.assemblies).delete()
      await db
        .from('audit_events')
        .where('subject_type', 'assembly')
        .whereIn('subject_id', made.assemblies.map(String))
        .delete()
      await db.from('contacts').whereIn('organisation_id', made.organisations).delete()
      await db
        .from('organisation_status_changes')
        .whereIn('organisation_id', made.organisations)
        .delete()
      await db.from('organisations').whereIn('id', made.organisations).delete()
      await db.from('users').whereIn('id', made.users).delete()
      for (const key of Object.keys(made) as (keyof typeof made)[]) made[key] = []
    }
  })

  async function setUp() {
    for (const name of ['Alfa Samtidig', 'Beta Samtidig']) {
      const organisation = await OrganisationFactory.merge({ name })
        .with('contacts', 1, (contact) => contact.apply('primary'))
        .create()
      made.organisations.push(organisation.id)
    }
    const assembly = await plannedAssembly(21, 'Samtidig generalforsamling')
    made.assemblies.push(assembly.id)
    const user: User = await UserFactory.apply('board').create()
    made.users.push(user.id)
    return { assembly, user }
  }

  const flashOf = (response: { flashMessages(): unknown }) => {
    const messages = response.flashMessages() as Record<string, string>
    return messages.success ?? messages.error
  }

  test('the notice confirmed twice at once goes out once', async ({ client, assert }) => {
    const { assembly, user } = await setUp()
    const post = () =>
      client
        .post(`/assemblies/${assembly.id}/notice`)
        .form({ members: '2', seen_sent_at: '' })
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    const responses = await Promise.all([post(), post()])
    assert.sameMembers(responses.map(flashOf), [
      'Indkaldelsen sendes til 2 medlemmer.',
      'Indkaldelsen er sendt, siden du så siden; den er ikke sendt igen.',
    ])
    // Both past the first look at once, as the HTTP requests may not be on SQLite.
    const again = await Promise.all(
      [1, 2].map(() =>
        new SendNotice().handle(
          { assemblyId: assembly.id, confirmLate: false, seenSentAt: null },
          Actors.system('test')
        )
      )
    )
    assert.deepEqual(
      again.map((result) => result.status),
      ['sent_meanwhile', 'sent_meanwhile']
    )
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 2)
    const events = await db
      .from('audit_events')
      .where('action', 'notice.sent')
      .where('subject_id', String(assembly.id))
    assert.lengthOf(events, 1)
  }).timeout(60_000)

  test('a fresh notice started twice in the same instant: the row lock lets one through', async ({
    assert,
  }) => {
    const { assembly } = await setUp()
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        new SendNotice().handle(
          { assemblyId: assembly.id, confirmLate: false, seenSentAt: null },
          Actors.system('test')
        )
      )
    )
    assert.sameMembers(
      results.map((result) => result.status),
      ['sent', 'sent_meanwhile', 'sent_meanwhile']
    )
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 2)
  }).timeout(60_000)

  test('the close confirmed twice at once closes once and freezes one register', async ({
    client,
    assert,
  }) => {
    const { assembly, user } = await setUp()
    const post = () =>
      client
        .post(`/assemblies/${assembly.id}/close`)
        .form({ confirmation: 'LUK' })
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    const responses = await Promise.all([post(), post()])
    assert.sameMembers(responses.map(flashOf), [
      'Generalforsamlingen er afsluttet.',
      'Generalforsamlingen er allerede afsluttet.',
    ])
    const snapshots = await db.from('assembly_register_snapshots').where('assembly_id', assembly.id)
    assert.lengthOf(snapshots, 1)
    const events = await db
      .from('audit_events')
      .where('action', 'assembly.closed')
      .where('subject_id', String(assembly.id))
    assert.lengthOf(events, 1)
  }).timeout(60_000)
})
