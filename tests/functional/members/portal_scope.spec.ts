import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Motion from '#assemblies/models/motion'
import Organisation from '#members/models/organisation'
import { SendNotice } from '#assemblies/actions/send_notice'
import { ContactFactory } from '#database/factories/organisation_factory'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import { appRoutes, fillPattern } from '#tests/helpers/routes'

/**
 * Every portal route, and whether an applicant may use it. A new portal route
 * fails the test below until it is placed here: members only is the default.
 */
const APPLICANT_MAY_USE: Record<string, boolean> = {
  'portal_session.logout': true,
  'portal_organisation.show': true,
  'portal_organisation.update': true,
  'portal_name_change.store': true,
  'portal_contacts.store': true,
  'portal_contacts.update': true,
  'portal_contacts.destroy': true,
  'portal_history.index': true,
  'portal_newsletters.show': false,
  'portal_newsletters.subscribe': false,
  'portal_newsletters.unsubscribe': false,
  'portal_recipients.update': false,
  'portal_recipients.destroy': false,
  'portal_invoices.index': false,
  'portal_invoices.pdf': false,
  'portal_assemblies.index': false,
  'portal_assemblies.submit_motion': false,
  'portal_assemblies.minutes_pdf': false,
}

const STATUSES = ['applicant', 'active', 'resigned', 'expelled', 'rejected'] as const

test.group('What each portal page lets each organisation do', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every portal route is classified, and answers each status as classified', async ({
    client,
    assert,
  }) => {
    const routes = appRoutes().filter((route) => route.middleware.includes('member'))
    assert.deepEqual(
      routes.map((route) => route.name).sort(),
      Object.keys(APPLICANT_MAY_USE).sort()
    )

    const { assembly, organisations } = await assemblyWithMembers({ members: 1 })
    const organisation = organisations[0]
    const contact = await ContactFactory.apply('primary')
      .merge({ organisationId: organisation.id })
      .create()
    const wrong: string[] = []
    for (const status of STATUSES) {
      await db.from('organisations').where('id', organisation.id).update({ status })
      // A colleague's record to change and remove: removing one's own would end the test's login.
      const colleague = await ContactFactory.merge({ organisationId: organisation.id }).create()
      for (const route of routes) {
        const path = fillPattern(route.pattern, {
          id: assembly.id,
          contactId: colleague.id,
          listId: 1,
          invoiceId: 1,
        })
        let request = client
          .request(path, route.method as 'GET')
          .withGuard('member')
          .loginAs(contact)
          .redirects(0)
        if (route.method !== 'GET') request = request.withCsrfToken()
        const response = await request
        const outcome =
          response.status() === 302 && response.header('location') === '/medlem'
            ? 'sent to the portal login'
            : response.status() === 403 && response.text().includes('Kun for medlemmer')
              ? 'members only'
              : 'let in'
        // Logging out always ends at the portal login, whoever asks.
        const expected =
          route.name === 'portal_session.logout'
            ? 'sent to the portal login'
            : status === 'active' || (status === 'applicant' && APPLICANT_MAY_USE[route.name])
              ? 'let in'
              : status === 'applicant'
                ? 'members only'
                : 'sent to the portal login'
        if (outcome !== expected) {
          wrong.push(`${status} ${route.method} ${path}: ${outcome} (${response.status()})`)
        }
      }
    }
    assert.deepEqual(wrong, [])
  }).timeout(60_000)

  test('an applicant who applied on the website cannot file a motion for the next assembly', async ({
    client,
    assert,
  }) => {
    const { assembly } = await assemblyWithMembers({ members: 1 })
    await new SendNotice().handle({ assemblyId: assembly.id, confirmLate: false }, board)
    const applicant = await Organisation.create({
      name: 'Nyansøgt Forening',
      type: 'ngo',
      status: 'applicant',
    })
    const contact = await ContactFactory.apply('primary')
      .merge({ organisationId: applicant.id })
      .create()

    const motion = await client
      .post(`/medlem/generalforsamlinger/${assembly.id}/forslag`)
      .form({ title: 'Vedtægtsændring', body: 'Foreningen nedlægges.' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    motion.assertStatus(403)
    assert.lengthOf(await Motion.query().where('assembly_id', assembly.id), 0)

    // Its own page shows the application instead of the members' sections.
    const own = await client.get('/medlem/organisation').withGuard('member').loginAs(contact)
    own.assertStatus(200)
    own.assertTextIncludes('Jeres ansøgning')
    assert.notInclude(own.text(), 'data-testid="portal-assemblies"')
    assert.notInclude(own.text(), 'data-testid="portal-invoices"')

    // Once approved, the same request is a member's motion.
    await db.from('organisations').where('id', applicant.id).update({ status: 'active' })
    const approved = await client
      .post(`/medlem/generalforsamlinger/${assembly.id}/forslag`)
      .form({ title: 'Mere samarbejde', body: 'Vi foreslår flere fælles arrangementer.' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    approved.assertFlashMessage('success', 'Forslaget er tilføjet.')
    assert.lengthOf(await Motion.query().where('assembly_id', assembly.id), 1)
  })
})
