import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { USER_AGENT_LENGTH } from '#audit/actor'
import { requestOrigin } from '#audit/request_actor'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { organisationWithPrimary } from '#tests/functional/shared/form_cases'
import { readDanishCsv } from '#shared/csv/read_danish_csv'
import { asBytes } from '#tests/helpers/bytes'
import { foldSpace } from '#tests/helpers/text'

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

/** "Who and from where": each change made over the web names the address and the browser. */
test.group('Audit log: from where', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a staff change records the address and the browser it was made in', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/newsletters/lists')
      .header('user-agent', FIREFOX)
      .form({
        name: 'Nyt fra SUS',
        slug: 'nyt-fra-sus',
        consent_text: 'Ja tak, fire gange om året.',
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const event = await AuditEvent.query().where('actor_id', admin.id).firstOrFail()
    assert.equal(event.actorType, 'user')
    assert.equal(event.ip, '127.0.0.1')
    assert.equal(event.userAgent, FIREFOX)
  })

  test('a member contact and a visitor without a login are recorded the same way', async ({
    client,
    assert,
  }) => {
    const { contact } = await organisationWithPrimary()
    const portal = await client
      .put('/medlem/organisation')
      .header('user-agent', IPHONE)
      .form({ address: 'Skovvej 1', postcode: '8000', city: 'Aarhus' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    portal.assertStatus(302)
    const byMember = await AuditEvent.query().where('actor_type', 'member_contact').firstOrFail()
    assert.equal(byMember.userAgent, IPHONE)

    await NewsletterListFactory.merge({ slug: 'nyt', isPublic: true })
      .with('consentTexts', 1)
      .create()
    const subscribed = await client
      .post('/nyhedsbrev/nyt')
      .header('user-agent', FIREFOX)
      .form({ email: 'aase@example.org', consent: 'on' })
      .withCsrfToken()
      .redirects(0)
    subscribed.assertStatus(302)
    const byVisitor = await AuditEvent.query()
      .where('action', 'subscription.requested')
      .firstOrFail()
    assert.equal(byVisitor.actorType, 'system')
    assert.equal(byVisitor.ip, '127.0.0.1')
    assert.equal(byVisitor.userAgent, FIREFOX)
  })

  test('a browser name is cut to a length the column holds', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const long = `${FIREFOX} ${'Udvidelse/1.0 '.repeat(40)}`
    const response = await client
      .post('/newsletters/lists')
      .header('user-agent', long)
      .form({ name: 'Lang liste', slug: 'lang', consent_text: 'Ja tak, fire gange om året.' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const event = await AuditEvent.query().where('actor_id', admin.id).firstOrFail()
    assert.equal(event.userAgent, long.slice(0, USER_AGENT_LENGTH))
    // A request that names no browser has none.
    const bare = { ip: () => '192.0.2.7', header: () => undefined }
    assert.deepEqual(requestOrigin(bare as never), { ip: '192.0.2.7', userAgent: null })
  })

  test('the log page and its export show the browser beside the address', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await AuditEvent.create({
      actorType: 'user',
      actorId: 1,
      actorLabel: 'kasserer@example.org',
      module: 'identity',
      action: 'user.logged_in',
      details: { email: 'kasserer@example.org' },
      ip: '192.0.2.7',
      userAgent: IPHONE,
    })
    const page = foldSpace((await client.get('/audit').loginAs(board)).text())
    assert.include(page, 'IP-adresse 192.0.2.7')
    assert.match(
      page,
      /<details class="muted" data-testid="user-agent"> <summary>Browser<\/summary>/
    )
    assert.include(page, IPHONE)

    const english = await UserFactory.apply('board').merge({ locale: 'en' }).create()
    const inEnglish = foldSpace((await client.get('/audit').loginAs(english)).text())
    assert.include(inEnglish, '<summary>Browser</summary>')

    const csv = readDanishCsv(
      (await asBytes(client.get('/audit/export').loginAs(board))).body() as Buffer
    )
    assert.include(csv.headers, 'Browser')
    assert.equal(csv.rows[0].values['Browser'], IPHONE)
    assert.equal(csv.rows[0].values['IP-adresse'], '192.0.2.7')
  })
})
