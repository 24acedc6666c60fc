import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import { ImportSubscribers } from '#newsletters/actions/import_subscribers'
import { parseImportTime } from '#newsletters/import/subscriber_rows'
import { describeProblem } from '#shared/csv/describe_problem'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { Actors } from '#audit/actor'
import { encode } from '#tests/helpers/member_files'

const MAILCHIMP = [
  'Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME',
  'ida@example.org,Ida,Ærø,2,2021-01-20 09:00:00,192.0.2.1,2021-01-20 09:12:00',
  'bo@example.org,Bo,,3,2022-03-01 10:00:00,,',
].join('\r\n')

async function importInto(listId: number, text: string | Buffer, dryRun = false) {
  return new ImportSubscribers().handle(
    { listId, file: Buffer.from(text), fileName: 'audience.csv', dryRun },
    Actors.system('test')
  )
}

test.group('Import times', () => {
  test('reads Mailchimp UTC, ISO and Danish local times', ({ assert }) => {
    assert.equal(parseImportTime('2021-01-20 09:00:00')?.toISO(), '2021-01-20T09:00:00.000Z')
    assert.equal(parseImportTime('15-01-2021 10:30')?.toUTC().toISO(), '2021-01-15T09:30:00.000Z')
    assert.equal(parseImportTime('15.01.2021')?.toUTC().toISO(), '2021-01-14T23:00:00.000Z')
    assert.isNull(parseImportTime('31-02-2021'))
    assert.isNull(parseImportTime('15-01-2021 25:00'))
    assert.isNull(parseImportTime('yesterday'))
  })
})

test.group('ImportSubscribers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('imports a Mailchimp export with each row’s consent evidence', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const result = await importInto(list.id, encode(MAILCHIMP, 'windows-1252'))
    assert.equal(result.status, 'imported')
    if (result.status !== 'imported') return
    assert.equal(result.summary.added, 2)
    assert.deepEqual(result.summary.unknownColumns, ['MEMBER_RATING'])

    const ida = await Subscription.query()
      .whereHas('subscriber', (s) => s.where('email', 'ida@example.org'))
      .preload('subscriber')
      .firstOrFail()
    assert.equal(ida.subscriber.name, 'Ida Ærø')
    assert.equal(ida.status, 'active')
    assert.equal(ida.source, 'import')
    assert.equal(ida.requestIp, '192.0.2.1')
    assert.equal(ida.requestedAt.toUTC().toISO(), '2021-01-20T09:00:00.000Z')
    assert.equal(ida.confirmedAt?.toUTC().toISO(), '2021-01-20T09:12:00.000Z')
    assert.equal(ida.evidence, 'audience.csv, row 2 (OPTIN_TIME, OPTIN_IP, CONFIRM_TIME)')
    assert.exists(await AuditEvent.findBy('action', 'subscribers.imported'))
  })

  test('a row without an opt-in time refuses the whole file', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const result = await importInto(list.id, `${MAILCHIMP}\r\nno.proof@example.org,Nina,,1,,,`)
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    assert.deepEqual(
      result.problems.map((problem) =>
        describeProblem(problem, i18nManager.locale('en'), 'newsletters.import')
      ),
      ['row 4: OPTIN_TIME: no opt-in time: without evidence of consent the row cannot be imported']
    )
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('never puts back an address that unsubscribed, bounced or complained', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await SubscriberFactory.apply('unsubscribed').merge({ email: 'ida@example.org' }).create()
    await SubscriberFactory.apply('complained').merge({ email: 'bo@example.org' }).create()
    const result = await importInto(list.id, MAILCHIMP)
    assert.equal(result.status, 'imported')
    if (result.status !== 'imported') return
    assert.equal(result.summary.added, 0)
    assert.sameMembers(result.summary.suppressed, ['ida@example.org', 'bo@example.org'])
    assert.lengthOf(await Subscription.all(), 0)
    assert.equal(
      (await Subscriber.findByOrFail('email', 'ida@example.org')).suppressedReason,
      'unsubscribed'
    )
  })

  test('a second import of the same file adds nothing', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await importInto(list.id, MAILCHIMP)
    const again = await importInto(list.id, MAILCHIMP)
    assert.equal(again.status, 'imported')
    if (again.status !== 'imported') return
    assert.equal(again.summary.added, 0)
    assert.equal(again.summary.alreadySubscribed, 2)
    assert.lengthOf(await Subscription.all(), 2)
  })

  test('a dry run writes nothing', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    assert.equal((await importInto(list.id, MAILCHIMP, true)).status, 'checked')
    assert.lengthOf(await Subscriber.all(), 0)
  })
})
