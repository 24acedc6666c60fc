import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime, Settings } from 'luxon'
import { CreateAssembly } from '#assemblies/actions/create_assembly'
import Organisation from '#members/models/organisation'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { board as boardActor } from '#tests/helpers/assemblies'
import { startMailCatcher, recipientsOf, type MailCatcher } from '#tests/helpers/mail_catcher'
import { statutes } from '#tests/functional/assemblies/helpers'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { danishToday } from '#shared/danish_time'

/*
 * The suite runs with TZ=UTC, as production does: a time shown as the
 * server's clock would read an hour or two early here, and a date late in
 * the UTC evening a day early.
 */
test.group('Danish time on pages, in exports and in mail', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(() => {
    Settings.now = () => Date.now()
  })

  test('the member page shows a change made late on a summer evening in Danish time', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.merge({
      name: 'Natteravnene',
      joinedOn: DateTime.fromISO('2026-03-29'),
      changedByMemberAt: DateTime.fromISO('2026-06-30T22:30:00Z'),
    }).create()

    const response = await client.get(`/members/${organisation.id}`).loginAs(board)
    response.assertStatus(200)
    response.assertTextIncludes('1. juli 2026 kl. 00.30')
    response.assertTextIncludes('29. marts 2026')
    assert.notInclude(response.text(), '30. juni 2026')
    assert.notInclude(response.text(), '22.30')
  })

  test('the register export is named by the Danish day and dates its data in Danish time', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const organisation = await OrganisationFactory.merge({
      name: 'Nytårsforeningen',
      joinedOn: DateTime.fromISO('2026-01-01'),
    })
      .with('contacts', 1, (contact) => contact.apply('primary').merge({ name: 'Nina Nytår' }))
      .create()
    await organisation.load('contacts')

    // 23.30 UTC on New Year's Eve is already New Year's Day in Denmark.
    Settings.now = () => Date.parse('2026-12-31T23:30:00Z')
    const csv = await client.get('/members/export').loginAs(board)
    csv.assertStatus(200)
    assert.include(csv.header('content-disposition'), 'medlemmer-2027-01-01.csv')
    // Dates as Danish Excel reads them.
    assert.include(csv.text(), '01-01-2026')

    const data = await client
      .get(`/members/${organisation.id}/contacts/${organisation.contacts[0].id}/data`)
      .loginAs(board)
    data.assertStatus(200)
    const exported = JSON.parse(data.text())
    assert.equal(exported.exported_at, '2027-01-01T00:30:00.000+01:00')
  })

  test('an assembly notice names the meeting on the Danish clock in summer and in winter', async ({
    client,
    assert,
  }) => {
    let catcher: MailCatcher | null = null
    try {
      catcher = await startMailCatcher()
      await statutes({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })
      const boardUser = await UserFactory.apply('board').create()
      await OrganisationFactory.merge({ name: 'Sommerforeningen' })
        .with('contacts', 1, (contact) =>
          contact.apply('primary').merge({ email: 'formand@sommer.example.org' })
        )
        .create()
      // Next year's summer and winter: a notice is only sent for a meeting still to come.
      const year = danishToday().year + 1
      const cases = [
        [`${year}-06-15T17:00:00Z`, `15. juni ${year} kl. 19.00`],
        [`${year}-11-16T18:00:00Z`, `16. november ${year} kl. 19.00`],
      ] as const
      for (const [startsAt, shown] of cases) {
        const assembly = await new CreateAssembly().handle(
          {
            kind: 'ordinary',
            title: `Generalforsamling ${startsAt.slice(0, 7)}`,
            startsAt: DateTime.fromISO(startsAt),
            place: 'Foreningshuset',
            meetingUrl: null,
            motionDeadline: null,
            requestedBy: null,
          },
          boardActor
        )
        const response = await client
          .post(`/assemblies/${assembly.id}/notice`)
          // As the confirmation page posts it: one member, never sent before.
          .form({ members: '1', seen_sent_at: '' })
          .loginAs(boardUser)
          .withCsrfToken()
          .redirects(0)
        response.assertStatus(302)
        const message = await catcher.waitFor(
          (candidate) =>
            candidate.subject!.includes(assembly.title) &&
            recipientsOf(candidate).includes('sommer')
        )
        assert.include(message.subject!, shown)
        assert.include(message.text!, shown)
      }
    } finally {
      await catcher?.stop()
    }
  })
})

test.group('Danish days written by Kreds', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(() => {
    Settings.now = () => Date.now()
  })

  test('a member created just after midnight in Denmark joins on the Danish day', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    // 00.15 on 1 January in Denmark, still New Year's Eve in UTC.
    Settings.now = () => Date.parse('2026-12-31T23:15:00Z')
    const form = await client.get('/members/new').loginAs(board)
    assert.include(form.text(), 'value="2027-01-01"')

    const response = await client
      .post('/members')
      .loginAs(board)
      .withCsrfToken()
      .form({
        name: 'Nytårsforeningen',
        type: 'ngo',
        status: 'active',
        contact_name: 'Nina Nytår',
        contact_email: 'nina@example.org',
      })
      .redirects(0)
    response.assertStatus(302)
    const organisation = await Organisation.findByOrFail('name', 'Nytårsforeningen')
    assert.equal(organisation.joinedOn?.toISODate(), '2027-01-01')
  })
})

test.group('Dates in messages follow the reader’s language', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(() => {
    Settings.now = () => Date.now()
  })

  test('scheduling a send names the moment in Danish or in English, on the Danish clock', async ({
    client,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await subscribeTo(await SubscriberFactory.create(), list, 'active')
    // Winter and summer time: 19.00 in Denmark is 18.00 and 17.00 UTC. Sent for the next day.
    for (const [locale, sendAt, expected] of [
      ['da', '2027-01-15T19:00', 'Udgaven sendes 15. januar 2027 kl. 19.00.'],
      ['en', '2027-01-15T19:00', 'The issue will be sent 15 January 2027 at 19:00.'],
      ['en', '2027-07-15T19:00', 'The issue will be sent 15 July 2027 at 19:00.'],
    ] as const) {
      Settings.now = () => Date.parse(`${sendAt.slice(0, 8)}14T12:00:00Z`)
      const secretariat = await UserFactory.apply('secretariat').merge({ locale }).create()
      const issue = await NewsletterIssue.create({
        subject: `Nyt ${locale} ${sendAt}`,
        bodyMjml: '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>',
        status: 'draft',
        createdBy: 'test',
      })
      await issue.related('lists').attach([list.id])
      const response = await client
        .post(`/newsletters/issues/${issue.id}/send`)
        .form(await confirmedSend(issue.id, { when: 'later', send_at: sendAt }))
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('success', expected)
    }
  })

  test('closing the books names the day in Danish or in English', async ({ client }) => {
    for (const [locale, through, expected] of [
      ['da', '2026-01-31', 'Perioden til og med 31. januar 2026 er lukket.'],
      ['en', '2026-02-28', 'The period through 28 February 2026 is closed.'],
    ] as const) {
      const treasurer = await UserFactory.apply('treasurer').merge({ locale }).create()
      const response = await client
        .post('/dues/books/close')
        .form({ through, confirm: '1' })
        .loginAs(treasurer)
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('success', expected)
    }
  })
})
