import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type User from '#identity/models/user'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'
import { startMailCatcher, recipientsOf, type MailCatcher } from '#tests/helpers/mail_catcher'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { StartIssueSend } from '#newsletters/actions/start_issue_send'
import { Actors } from '#audit/actor'

const BODY =
  '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>'

/*
 * A confirmation posted twice at once (a double click, two tabs) must start
 * one send. A test transaction would put both requests on one connection,
 * so this group runs on the real pool and removes what it wrote.
 */
test.group('Sending an issue under concurrent confirmations', (group) => {
  let catcher: MailCatcher
  const made = {
    users: [] as number[],
    lists: [] as number[],
    readers: [] as number[],
    issues: [] as number[],
  }
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return async () => {
      await catcher.stop()
      await db.from('newsletter_deliveries').whereIn('issue_id', made.issues).delete()
      await db.from('newsletter_issue_lists').whereIn('issue_id', made.issues).delete()
      await db.from('newsletter_issues').whereIn('id', made.issues).delete()
      await db.from('subscriptions').whereIn('subscriber_id', made.readers).delete()
      await db.from('subscribers').whereIn('id', made.readers).delete()
      await db.from('consent_texts').whereIn('list_id', made.lists).delete()
      await db.from('newsletter_lists').whereIn('id', made.lists).delete()
      await db
        .from('audit_events')
        .where('subject_type', 'newsletter_issue')
        .whereIn('subject_id', made.issues.map(String))
        .delete()
      await db.from('users').whereIn('id', made.users).delete()
      for (const key of Object.keys(made) as (keyof typeof made)[]) made[key] = []
    }
  })

  async function issueWithReaders(count: number) {
    const list = await NewsletterListFactory.create()
    made.lists.push(list.id)
    for (let index = 1; index <= count; index++) {
      const reader = await SubscriberFactory.merge({
        email: `samtidig${index}@example.org`,
      }).create()
      made.readers.push(reader.id)
      await subscribeTo(reader, list)
    }
    const issue = await NewsletterIssue.create({
      subject: 'Samtidig',
      bodyMjml: BODY,
      status: 'draft',
      createdBy: 'test',
    })
    made.issues.push(issue.id)
    await issue.related('lists').attach([list.id])
    return issue
  }

  async function secretary() {
    const user: User = await UserFactory.apply('secretariat').create()
    made.users.push(user.id)
    return user
  }

  test('two confirmations posted at once: one send, one delivery and one mail per reader', async ({
    client,
    assert,
  }) => {
    const issue = await issueWithReaders(12)
    const user = await secretary()
    const form = await confirmedSend(issue.id)
    const post = () =>
      client
        .post(`/newsletters/issues/${issue.id}/send`)
        .form(form)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    const responses = await Promise.all([post(), post()])

    const flashes = responses.map((response) => {
      response.assertStatus(302)
      assert.equal(response.header('location'), `/newsletters/issues/${issue.id}`)
      const messages = response.flashMessages() as Record<string, string>
      return messages.success ?? messages.error
    })
    assert.sameMembers(flashes, [
      'Udgaven sendes nu til 12 modtagere.',
      'Udgaven er allerede sendt eller ved at blive sendt; den sendes ikke igen.',
    ])
    const perReader = await db
      .from('newsletter_deliveries')
      .where('issue_id', issue.id)
      .groupBy('subscriber_id')
      .select('subscriber_id')
      .count('* as total')
    assert.lengthOf(perReader, 12)
    assert.isTrue(perReader.every((row) => Number(row.total) === 1))
    await catcher.waitFor(() => catcher.messages.length >= 12)
    // Give a second send, were there one, time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const addresses = catcher.messages.map((message) => recipientsOf(message))
    assert.lengthOf(addresses, 12)
    assert.lengthOf(new Set(addresses), 12)
    const started = await db
      .from('audit_events')
      .where('action', 'issue.send_started')
      .where('subject_id', String(issue.id))
    assert.lengthOf(started, 1)
  }).timeout(60_000)

  test('five confirmations at once, as from a button pressed repeatedly: still one send', async ({
    client,
    assert,
  }) => {
    const issue = await issueWithReaders(5)
    const user = await secretary()
    const form = await confirmedSend(issue.id)
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post(`/newsletters/issues/${issue.id}/send`)
          .form(form)
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
      )
    )
    const started = responses.filter(
      (response) => (response.flashMessages() as Record<string, string>).success
    )
    assert.lengthOf(started, 1)
    const deliveries = await db.from('newsletter_deliveries').where('issue_id', issue.id)
    assert.lengthOf(deliveries, 5)
    assert.lengthOf(new Set(deliveries.map((row) => Number(row.subscriber_id))), 5)
    await catcher.waitFor(() => catcher.messages.length >= 5)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 5)
  }).timeout(60_000)

  // On SQLite the HTTP requests above rarely overlap inside the action; here both pass its first look together.
  test('the start itself run twice in the same instant: the status change lets one through', async ({
    assert,
  }) => {
    const issue = await issueWithReaders(4)
    const { fingerprint } = await confirmedSend(issue.id)
    const start = () =>
      new StartIssueSend().handle(
        { issueId: issue.id, confirmation: { fingerprint, large: false } },
        Actors.system('test')
      )
    const results = await Promise.all([start(), start(), start()])
    assert.sameMembers(
      results.map((result) => result.status),
      ['started', 'not_sendable', 'not_sendable']
    )
    const deliveries = await db.from('newsletter_deliveries').where('issue_id', issue.id)
    assert.lengthOf(deliveries, 4)
    await catcher.waitFor(() => catcher.messages.length >= 4)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 4)
  }).timeout(60_000)
})
