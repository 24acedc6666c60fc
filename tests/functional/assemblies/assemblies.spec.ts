import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Motion from '#assemblies/models/motion'
import Ballot from '#assemblies/models/ballot'
import Minutes from '#assemblies/models/minutes'
import AuditEvent from '#audit/models/audit_event'
import { ORDINARY_AGENDA } from '#assemblies/standard_agenda'
import { UserFactory } from '#database/factories/user_factory'
import { pdfText } from '#tests/helpers/pdf_text'
import { openBallot } from '#tests/helpers/assemblies'
import { appRoutes, fillPattern } from '#tests/helpers/routes'
import {
  agendaOf,
  asBytes,
  plannedAssembly,
  statutes,
  words,
} from '#tests/functional/assemblies/helpers'

const FORM = {
  kind: 'ordinary',
  title: 'Ordinær generalforsamling 2027',
  starts_at: '2027-04-14T19:00',
  place: 'Foreningshuset, Vesterbrogade 1',
}

/** The stored column as text, whichever driver read it. */
function rawTimestamp(value: unknown) {
  return value instanceof Date ? value.toISOString().replace('T', ' ') : String(value)
}

async function positions(assemblyId: number) {
  return (await agendaOf(assemblyId)).map((item) => [item.position, item.title] as const)
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

  test('agenda items are added, moved and removed, positions kept 1..n', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const url = `/assemblies/${assembly.id}`

    const added = await client
      .post(`${url}/agenda`)
      .form({ title: 'Jubilæum', description: 'Foreningen fylder 5 år.' })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    added.assertStatus(302)
    added.assertHeader('location', `${url}#agenda`)
    let agenda = await agendaOf(assembly.id)
    assert.lengthOf(agenda, 9)
    assert.equal(agenda[8].title, 'Jubilæum')
    assert.equal(agenda[8].position, 9)
    assert.equal(agenda[8].description, 'Foreningen fylder 5 år.')
    const jubilee = agenda[8]

    const move = (itemId: number, direction: 'up' | 'down') =>
      client
        .post(`${url}/agenda/${itemId}/move`)
        .form({ direction })
        .loginAs(boardUser)
        .withCsrfToken()
        .redirects(0)

    // Up past "Eventuelt".
    ;(await move(jubilee.id, 'up')).assertStatus(302)
    assert.deepEqual((await positions(assembly.id)).slice(6), [
      [7, 'Valg af revisor'],
      [8, 'Jubilæum'],
      [9, 'Eventuelt'],
    ])
    // The first item cannot go further up; nothing changes.
    ;(await move(agenda[0].id, 'up')).assertStatus(302)
    assert.equal(
      (await positions(assembly.id))[0][1],
      'Valg af dirigent, referent og stemmetællere'
    )
    // "Bestyrelsens beretning" down one: it swaps with the accounts.
    ;(await move(agenda[1].id, 'down')).assertStatus(302)
    assert.deepEqual((await positions(assembly.id)).slice(0, 3), [
      [1, 'Valg af dirigent, referent og stemmetællere'],
      [2, 'Fremlæggelse af regnskab til godkendelse'],
      [3, 'Bestyrelsens beretning'],
    ])

    // Remove an item in the middle: the ones after it close the gap.
    const removed = await client
      .delete(`${url}/agenda/${agenda[4].id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    removed.assertStatus(302)
    agenda = await agendaOf(assembly.id)
    assert.lengthOf(agenda, 8)
    assert.deepEqual(
      agenda.map((item) => item.position),
      [1, 2, 3, 4, 5, 6, 7, 8]
    )
    assert.notInclude(
      agenda.map((item) => item.title),
      'Budget og fastsættelse af kontingent'
    )
    assert.deepEqual(
      agenda.map((item) => item.title),
      [
        'Valg af dirigent, referent og stemmetællere',
        'Fremlæggelse af regnskab til godkendelse',
        'Bestyrelsens beretning',
        'Indkomne forslag',
        'Valg af bestyrelse',
        'Valg af revisor',
        'Jubilæum',
        'Eventuelt',
      ]
    )

    // An item of another assembly is not found here.
    const other = await plannedAssembly(30, 'Ekstra generalforsamling')
    const foreign = (await agendaOf(other.id))[0]
    const notFound = await client
      .delete(`${url}/agenda/${foreign.id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    notFound.assertFlashMessage('error', 'Punktet findes ikke.')
    assert.lengthOf(await agendaOf(other.id), 8)
  })

  test('a board motion lands under "Indkomne forslag", and that item cannot be removed', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const assembly = await plannedAssembly()
    const url = `/assemblies/${assembly.id}`

    const submitted = await client
      .post(`${url}/motions`)
      .form({
        title: 'Nye vedtægter',
        body: 'Bestyrelsen foreslår § 5 ændret, så kontingentet fastsættes for to år.',
        changes_statutes: '1',
      })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    submitted.assertFlashMessage('success', 'Forslaget er tilføjet.')
    const motion = await Motion.findByOrFail('title', 'Nye vedtægter')
    const agenda = await agendaOf(assembly.id)
    const motionsItem = agenda.find((item) => item.title === 'Indkomne forslag')!
    assert.equal(motion.agendaItemId, motionsItem.id)
    assert.isNull(motion.organisationId)
    assert.isTrue(motion.changesStatutes)

    const page = await client.get(url).loginAs(boardUser)
    page.assertStatus(200)
    assert.include(page.text(), 'Forslag: Nye vedtægter')
    assert.include(page.text(), 'vedtægtsændring: kvalificeret flertal')

    const refused = await client
      .delete(`${url}/agenda/${motionsItem.id}`)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage(
      'error',
      'Punktet har forslag eller afstemninger og kan ikke fjernes.'
    )
    const after = await agendaOf(assembly.id)
    assert.lengthOf(after, 8)
    assert.include(
      after.map((item) => item.id),
      motionsItem.id
    )
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

  test('the treasurer and the secretariat get 403 on every /assemblies route', async ({
    client,
    assert,
  }) => {
    const assembly = await plannedAssembly()
    const item = (await agendaOf(assembly.id))[1]
    const ballot = await openBallot(assembly)
    const id = assembly.id
    // Every assembly route the router has, so a route added later is covered the day it is.
    const routes = appRoutes()
      .filter((route) => route.pattern.startsWith('/assemblies'))
      .map(
        (route) =>
          [
            route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete',
            fillPattern(route.pattern, { id, itemId: item.id, ballotId: ballot.id }),
          ] as const
      )
    assert.isAbove(routes.length, 25)
    // Valid input for every form, so only the role stands in the way.
    const bodies: Record<string, Record<string, string>> = {
      [`post /assemblies`]: FORM,
      [`put /assemblies/${id}`]: FORM,
      [`post /assemblies/${id}/agenda`]: { title: 'Nyt punkt' },
      [`post /assemblies/${id}/agenda/${item.id}/move`]: { direction: 'down' },
      [`post /assemblies/${id}/notice`]: { confirm_late: '1', members: '1', seen_sent_at: '' },
      [`post /assemblies/${id}/motions`]: { title: 'Et forslag', body: 'Noget der skal ske.' },
      [`put /assemblies/${id}/minutes`]: { dirigent_name: 'Dirigent', statement: 'Referat.' },
      [`post /assemblies/${id}/minutes/sign`]: { role: 'dirigent' },
    }

    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      for (const [method, url] of routes) {
        let request = client[method](url).loginAs(user).redirects(0)
        if (method !== 'get')
          request = request.form(bodies[`${method} ${url}`] ?? {}).withCsrfToken()
        const response = await request
        assert.equal(response.status(), 403, `${role}: ${method.toUpperCase()} ${url}`)
        // With no valid input at all the answer is the same: the role is checked first.
        if (method !== 'get') {
          const empty = await client[method](url).loginAs(user).withCsrfToken().redirects(0)
          assert.equal(empty.status(), 403, `${role}: ${method.toUpperCase()} ${url} (empty)`)
        }
      }
    }

    await assembly.refresh()
    assert.equal(assembly.status, 'open')
    assert.equal(assembly.title, 'Ordinær generalforsamling 2026')
    assert.lengthOf(await Assembly.all(), 1)
    assert.deepEqual(
      (await agendaOf(id)).map((agendaItem) => agendaItem.title),
      ORDINARY_AGENDA
    )
    assert.lengthOf(await Motion.all(), 0)
    assert.equal((await Ballot.findOrFail(ballot.id)).status, 'open')
    assert.lengthOf(await Minutes.all(), 0)

    // Anonymous visitors are sent to the login page, whatever they ask for.
    for (const [method, url] of routes) {
      let request = client[method](url).redirects(0)
      if (method !== 'get') request = request.withCsrfToken()
      const response = await request
      assert.equal(response.status(), 302, `anonymous: ${method.toUpperCase()} ${url}`)
      assert.equal(
        response.header('location'),
        '/login',
        `anonymous: ${method.toUpperCase()} ${url}`
      )
    }

    // An admin is let in, as the board is.
    const admin = await UserFactory.apply('admin').create()
    ;(await client.get('/assemblies').loginAs(admin)).assertStatus(200)
    ;(await client.get(`/assemblies/${id}/register`).loginAs(admin)).assertStatus(200)
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
