import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { readDanishCsv } from '#shared/csv/read_danish_csv'
import { readXlsx } from '#shared/spreadsheet/read_xlsx'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'
import { asBytes } from '#tests/helpers/bytes'
import { foldSpace } from '#tests/helpers/text'

async function event(overrides: Partial<AuditEvent>) {
  return AuditEvent.create({
    actorType: 'user',
    actorId: 1,
    actorLabel: 'kasserer@example.org',
    module: 'dues',
    action: 'bank.matched',
    details: { entry: 'Overførsel', date: '2026-03-02', amount: '1250.00', by: 'hand' },
    ip: '192.0.2.7',
    createdAt: DateTime.fromISO('2026-03-02T09:30:00Z'),
    ...overrides,
  })
}

/** Two members, an invoice for the first and one event about each. */
async function twoOrganisations() {
  await sellerSettings()
  const tier = await tierWithFee()
  const { organisation: first } = await member(tier, { name: 'Æblehaven' })
  const { organisation: second } = await member(tier, { name: 'Bøgely' })
  const invoice = await issueInvoice(first)
  await event({
    module: 'members',
    action: 'organisation.status_changed',
    details: { name: 'Æblehaven', from: 'applicant', to: 'active' },
    subjectType: 'organisation',
    subjectId: String(first.id),
    changes: { status: { from: 'applicant', to: 'active' } },
  })
  await event({
    module: 'members',
    action: 'organisation.updated',
    details: { name: 'Bøgely' },
    subjectType: 'organisation',
    subjectId: String(second.id),
    changes: { postcode: { from: '8000', to: '0800' } },
  })
  return { first, second, invoice }
}

test.group('Audit log filters and export', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the log reads in Danish: amounts, dates, statuses, labels and where from', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await event({})
    await event({
      module: 'identity',
      action: 'user.updated',
      details: { email: 'bo@example.org' },
      changes: { role: { from: 'board', to: 'treasurer' }, isActive: { from: 1, to: false } },
    })
    const page = foldSpace((await client.get('/audit').loginAs(board)).text())
    assert.include(page, 'Indbetalingen 1.250,00 kr. den 2. marts 2026 blev bogført på fakturaer')
    assert.notInclude(page, '1250.00')
    assert.include(page, 'Rolle: Bestyrelse → Kasserer')
    assert.include(page, 'Aktiv: ja → nej')
    assert.include(page, 'IP-adresse 192.0.2.7')

    const english = await UserFactory.apply('board').merge({ locale: 'en' }).create()
    const inEnglish = foldSpace((await client.get('/audit').loginAs(english)).text())
    assert.include(inEnglish, 'The payment of DKK 1,250.00 on 2 March 2026 was booked on invoices')
    assert.include(inEnglish, 'Role: Board → Treasurer')
  })

  test('filters by organisation: its own events and its invoices', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { first, second } = await twoOrganisations()
    const response = await client.get('/audit').qs({ organisation: first.id }).loginAs(admin)
    const page = foldSpace(response.text())
    assert.include(page, 'Æblehaven skiftede status fra ansøger til aktiv')
    assert.include(page, 'Status: ansøger → aktiv')
    assert.match(page, /Faktura \S+ til Æblehaven blev udstedt/)
    assert.notInclude(page, 'Oplysninger om Bøgely blev ændret')
    assert.match(page, new RegExp(`<option value="${first.id}"\\s+selected`))
    // Each event leads to what it is about.
    assert.include(page, `href="/members/${first.id}"`)
    assert.match(page, /href="\/dues\/invoices\/\d+"/)

    const other = foldSpace(
      (await client.get('/audit').qs({ organisation: second.id }).loginAs(admin)).text()
    )
    assert.include(other, 'Oplysninger om Bøgely blev ændret')
    assert.include(other, 'Postnummer: 8000 → 0800')
    assert.notInclude(other, 'Æblehaven skiftede status')

    const bad = await client.get('/audit').qs({ organisation: 'x' }).loginAs(admin)
    bad.assertStatus(200)
    bad.assertTextIncludes('Formularen kunne ikke gemmes')
  })

  test('the CSV export holds the filtered log as the page shows it', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    await event({})
    await event({ createdAt: DateTime.fromISO('2026-02-27T23:30:00Z') })
    await event({
      module: 'identity',
      action: 'user.logged_in',
      details: { email: 'anna@example.org' },
      actorLabel: 'anna@example.org',
    })
    const response = await asBytes(
      client
        .get('/audit/export')
        .qs({ module: 'dues', from: '2026-03-01', to: '2026-03-31' })
        .loginAs(board)
    )
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(response.header('content-disposition') ?? '', /attachment; filename="log-.*\.csv"/)

    const csv = readDanishCsv(response.body() as Buffer)
    assert.equal(csv.delimiter, ';')
    assert.deepEqual(csv.headers, [
      'Dato',
      'Tidspunkt',
      'Hvem',
      'Slags',
      'IP-adresse',
      'Browser',
      'Område',
      'Hvad',
      'Ændringer',
    ])
    // 23:30 UTC on 27 February is 28 February in Copenhagen: outside March.
    assert.lengthOf(csv.rows, 1)
    assert.deepEqual(csv.rows[0].values, {
      'Dato': '02-03-2026',
      'Tidspunkt': '2. marts 2026 kl. 10.30',
      'Hvem': 'kasserer@example.org',
      'Slags': 'Medarbejder',
      'IP-adresse': '192.0.2.7',
      'Browser': '',
      'Område': 'Kontingent',
      'Hvad': 'Indbetalingen 1.250,00 kr. den 2. marts 2026 blev bogført på fakturaer',
      'Ændringer': '',
    })
  })

  test('the Excel export of one organisation reads back with its changes', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { second } = await twoOrganisations()
    const response = await asBytes(
      client.get('/audit/export').qs({ organisation: second.id, format: 'xlsx' }).loginAs(admin)
    )
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const table = await readXlsx(response.body() as Buffer)
    assert.lengthOf(table.rows, 1)
    const row = table.rows[0].values
    assert.equal(row['Hvad'], 'Oplysninger om Bøgely blev ændret')
    // A postcode with a leading zero stays text.
    assert.equal(row['Ændringer'], 'Postnummer: 8000 → 0800')
    assert.equal(row['Område'], 'Medlemmer')
  })

  test('an export with a filter that does not parse is refused, not the whole log', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await event({})
    const response = await client.get('/audit/export').qs({ from: 'igår' }).loginAs(admin)
    response.assertStatus(400)
  })

  test('only those who may read the log may export it', async ({ client }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const response = await client.get('/audit/export').loginAs(secretariat)
    response.assertStatus(403)
  })
})
