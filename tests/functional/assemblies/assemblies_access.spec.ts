import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Assembly from '#assemblies/models/assembly'
import Motion from '#assemblies/models/motion'
import Ballot from '#assemblies/models/ballot'
import Minutes from '#assemblies/models/minutes'
import { ORDINARY_AGENDA } from '#assemblies/standard_agenda'
import { UserFactory } from '#database/factories/user_factory'
import { openBallot } from '#tests/helpers/assemblies'
import { appRoutes, fillPattern } from '#tests/helpers/routes'
import {
  ASSEMBLY_FORM as FORM,
  agendaOf,
  plannedAssembly,
  statutes,
} from '#tests/functional/assemblies/helpers'

test.group('Assemblies: planning and agenda', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    await statutes()
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
})
