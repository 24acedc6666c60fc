import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { danishToday } from '#shared/danish_time'
import { UserFactory } from '#database/factories/user_factory'
import { NEXT_YEAR, everyRolesWork } from '#tests/helpers/dashboard_work'
import { sqlTimestamp } from '#shared/sql_time'

const PARTS = ['dash-board', 'dash-treasurer', 'dash-secretariat', 'dash-admin'] as const

/** Which parts of the start page a response shows, by their test ids. */
function partsIn(html: string) {
  return PARTS.filter((part) => html.includes(`data-testid="${part}"`))
}

/** The text of the element with this test id, its tags removed and spaces collapsed. */
function textOf(html: string, testId: string) {
  const start = html.indexOf(`data-testid="${testId}"`)
  if (start < 0) return null
  const open = html.indexOf('>', start) + 1
  const close = html.indexOf('</', open)
  return html
    .slice(open, close)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

test.group('The start page per role', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => everyRolesWork())

  test('the board sees applicants, the next assembly with its deadlines and motions', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client.get('/').loginAs(board)
    response.assertStatus(200)
    assert.deepEqual(partsIn(response.text()), ['dash-board'])
    assert.equal(textOf(response.text(), 'board-applicants'), '1 ansøgning venter')
    assert.equal(
      textOf(response.text(), 'board-notice'),
      `Indkaldelse senest 6. april ${NEXT_YEAR}`
    )
    assert.equal(
      textOf(response.text(), 'board-motion-deadline'),
      `Frist for forslag 13. april ${NEXT_YEAR}`
    )
    assert.equal(textOf(response.text(), 'board-motions'), '1 forslag modtaget')
    response.assertTextIncludes('Eksempelby Kommune, søgte')
    // The existing members card is still there.
    response.assertTextIncludes('data-testid="applicants"')
  })

  test('the treasurer sees what is owed by age, the reminder run and the month chart', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const response = await client.get('/').loginAs(treasurer)
    response.assertStatus(200)
    const html = response.text()
    assert.deepEqual(partsIn(html), ['dash-treasurer'])
    assert.equal(textOf(html, 'treasurer-outstanding'), '1.250,00 kr.')
    assert.equal(textOf(html, 'treasurer-overdue'), '1.250,00 kr.')
    assert.match(
      html,
      /data-bucket="days_31_60">\s*<th scope="row">31–60 dage over forfald<\/th>\s*<td class="num">1<\/td>/
    )
    assert.equal(textOf(html, 'treasurer-reminders'), '1 faktura skal rykkes i dag')
    assert.include(html, 'href="/dues/invoices?status=overdue"')
    assert.include(html, 'aria-labelledby="paid-chart-title paid-chart-desc"')
    const month = danishToday().setLocale('da').toFormat('LLLL yyyy')
    assert.include(html, `<th scope="row">${month}</th>`)
    assert.include(html, '<td>1.250,00 kr.</td>')
  })

  test('the secretariat sees drafts and that nothing has been sent yet', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client.get('/').loginAs(secretariat)
    response.assertStatus(200)
    assert.deepEqual(partsIn(response.text()), ['dash-secretariat'])
    assert.equal(textOf(response.text(), 'secretariat-drafts'), '2 kladder')
    assert.equal(textOf(response.text(), 'secretariat-scheduled'), 'Ingen planlagte udsendelser')
    response.assertTextIncludes('Intet nummer er sendt endnu.')
  })

  test('an admin holds every role and sees every part, with the system figures', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/').loginAs(admin)
    response.assertStatus(200)
    const html = response.text()
    assert.deepEqual(partsIn(html), [...PARTS])
    // The admin and the invited secretary; the page's own users from other tests are rolled back.
    assert.equal(textOf(html, 'admin-users'), '1 aktiv bruger')
    assert.equal(textOf(html, 'admin-invited'), '1 invitation venter på svar')
    assert.equal(textOf(html, 'admin-failed-jobs'), '1 fejlet baggrundsjob')
    assert.equal(textOf(html, 'admin-bounced'), '1 afvist adresse')
    assert.equal(textOf(html, 'treasurer-outstanding'), '1.250,00 kr.')
    assert.equal(textOf(html, 'board-applicants'), '1 ansøgning venter')
  })

  test('in English the parts and plurals are English', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').apply('english').create()
    const response = await client.get('/').loginAs(admin)
    const html = response.text()
    assert.equal(textOf(html, 'board-applicants'), '1 application waiting')
    assert.equal(textOf(html, 'secretariat-drafts'), '2 drafts')
    assert.equal(textOf(html, 'treasurer-outstanding'), 'DKK 1,250.00')
  })

  test('a part shows only what its own query counts: a scheduled send and a sent issue', async ({
    client,
    assert,
  }) => {
    await NewsletterIssue.create({
      subject: 'Sommerhilsen',
      bodyMjml: '<mjml />',
      status: 'scheduled',
      // Stored in UTC, as the sending page stores it.
      scheduledAt: DateTime.fromISO(`${NEXT_YEAR}-06-01T08:00`, {
        zone: 'Europe/Copenhagen',
      }).toUTC(),
      createdBy: 'test',
    })
    await db.table('newsletter_issues').insert({
      subject: 'Forårsnyt',
      body_mjml: '<mjml />',
      status: 'sent',
      created_by: 'test',
      sent_at: sqlTimestamp(DateTime.utc().minus({ days: 3 })),
      created_at: sqlTimestamp(),
      updated_at: sqlTimestamp(),
    })
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client.get('/').loginAs(secretariat)
    const html = response.text()
    assert.equal(textOf(html, 'secretariat-scheduled'), '1 planlagt udsendelse')
    response.assertTextIncludes(`Sommerhilsen, sendes 1. juni ${NEXT_YEAR} kl. 08.00`)
    response.assertTextIncludes('Forårsnyt')
    assert.equal(textOf(html, 'secretariat-unsubscribes'), '0 afmeldinger')
  })
})
