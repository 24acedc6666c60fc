import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import AuditEvent from '#audit/models/audit_event'
import { ORDINARY_AGENDA } from '#assemblies/standard_agenda'
import { UserFactory } from '#database/factories/user_factory'
import { pdfText } from '#tests/helpers/pdf_text'
import {
  ASSEMBLY_FORM as FORM,
  agendaOf,
  asBytes,
  plannedAssembly,
  statutes,
  words,
} from '#tests/functional/assemblies/helpers'

/** The stored column as text, whichever driver read it. */
function rawTimestamp(value: unknown) {
  return value instanceof Date ? value.toISOString().replace('T', ' ') : String(value)
}

test.group('Assemblies: planning and agenda', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    await statutes()
  })

  test('the board creates an assembly in Danish time and gets the standard agenda', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const response = await client
      .post('/assemblies')
      .form(FORM)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'success',
      'Generalforsamlingen er oprettet med standarddagsordenen.'
    )
    const assembly = await Assembly.findByOrFail('title', FORM.title)
    response.assertHeader('location', `/assemblies/${assembly.id}`)
    assert.equal(assembly.status, 'planned')
    assert.equal(assembly.kind, 'ordinary')
    assert.equal(assembly.place, FORM.place)

    // 19:00 in Copenhagen in April is summer time (UTC+2): 17:00 UTC.
    assert.equal(assembly.startsAt.toUTC().toISO(), '2027-04-14T17:00:00.000Z')
    assert.equal(
      assembly.startsAt.setZone('Europe/Copenhagen').toFormat('yyyy-MM-dd HH:mm'),
      '2027-04-14 19:00'
    )
    const row = await db.from('assemblies').where('id', assembly.id).select('starts_at').first()
    assert.match(rawTimestamp(row.starts_at), /^2027-04-14 17:00/)
    // The statutes' 7 days before the meeting day.
    assert.equal(assembly.motionDeadline?.toISODate(), '2027-04-07')

    const agenda = await agendaOf(assembly.id)
    assert.lengthOf(agenda, 8)
    assert.deepEqual(
      agenda.map((item) => item.position),
      [1, 2, 3, 4, 5, 6, 7, 8]
    )
    assert.equal(agenda[0].title, 'Valg af dirigent, referent og stemmetællere')
    assert.include(
      agenda.map((item) => item.title),
      'Indkomne forslag'
    )
    assert.deepEqual(
      agenda.map((item) => item.title),
      ORDINARY_AGENDA
    )

    const page = await client.get(`/assemblies/${assembly.id}`).loginAs(boardUser)
    page.assertStatus(200)
    assert.include(page.text(), FORM.title)
    assert.include(page.text(), 'Valg af dirigent, referent og stemmetællere')
    // The edit form shows the time back in Danish time.
    assert.include(page.text(), 'value="2027-04-14T19:00"')

    const invalid = await client
      .post('/assemblies')
      .form({ ...FORM, starts_at: '14-04-2027 19:00' })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    invalid.assertStatus(302)
    assert.lengthOf(await Assembly.all(), 1)
  })

  test('PUT changes time and place; a Danish winter time is stored as UTC+1', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const response = await client
      .put(`/assemblies/${assembly.id}`)
      .form({
        ...FORM,
        title: 'Ordinær generalforsamling',
        starts_at: '2027-01-20T18:30',
        place: 'Kulturhuset, Store Sal',
        meeting_url: 'https://meet.example.org/gf',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Generalforsamlingen er gemt.')
    response.assertHeader('location', `/assemblies/${assembly.id}`)
    await assembly.refresh()
    assert.equal(assembly.startsAt.toUTC().toISO(), '2027-01-20T17:30:00.000Z')
    assert.equal(assembly.place, 'Kulturhuset, Store Sal')
    assert.equal(assembly.meetingUrl, 'https://meet.example.org/gf')
    assert.equal(assembly.title, 'Ordinær generalforsamling')

    const again = await client
      .put(`/assemblies/${assembly.id}`)
      .form({
        ...FORM,
        title: 'Ordinær generalforsamling',
        starts_at: '2027-01-20T18:30',
        place: 'Kulturhuset, Store Sal',
        meeting_url: 'https://meet.example.org/gf',
        motion_deadline: assembly.motionDeadline!.toISODate()!,
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('success', 'Intet var ændret.')

    // An empty deadline keeps the one there is: still nothing changed.
    const deadline = assembly.motionDeadline!.toISODate()
    const blankDeadline = await client
      .put(`/assemblies/${assembly.id}`)
      .form({
        ...FORM,
        title: 'Ordinær generalforsamling',
        starts_at: '2027-01-20T18:30',
        place: 'Kulturhuset, Store Sal',
        meeting_url: 'https://meet.example.org/gf',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    blankDeadline.assertFlashMessage('success', 'Intet var ændret.')
    await assembly.refresh()
    assert.equal(assembly.motionDeadline!.toISODate(), deadline)
    const audited = await AuditEvent.query().where('action', 'assembly.updated')
    assert.lengthOf(audited, 1)
  })

  test('the notice PDF has the title, the time and the agenda', async ({ client, assert }) => {
    const boardUser = await UserFactory.apply('board').create()
    const created = await client
      .post('/assemblies')
      .form(FORM)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    const assembly = await Assembly.findByOrFail('title', FORM.title)
    await client
      .post(`/assemblies/${assembly.id}/agenda`)
      .form({ title: 'Jubilæumsfest' })
      .loginAs(boardUser)
      .withCsrfToken()

    const response = await asBytes(
      client.get(`/assemblies/${assembly.id}/notice/pdf`).loginAs(boardUser)
    )
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^application\/pdf/)
    const bytes = response.body() as Buffer
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-')
    const text = words(await pdfText(bytes))
    assert.include(text, 'Indkaldelse til ordinær generalforsamling')
    assert.include(text, FORM.title)
    assert.include(text, 'Foreningshuset')
    assert.include(text, '19.00')
    assert.include(text, 'Dagsorden')
    for (const title of [...ORDINARY_AGENDA, 'Jubilæumsfest']) assert.include(text, title)
    assert.isBelow(text.indexOf('Valg af dirigent'), text.indexOf('Eventuelt'))
  })
})
