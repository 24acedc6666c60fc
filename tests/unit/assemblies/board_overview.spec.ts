import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Assembly, { type AssemblyStatus } from '#assemblies/models/assembly'
import Motion from '#assemblies/models/motion'
import NameChangeRequest from '#members/models/name_change_request'
import { getBoardOverview } from '#assemblies/queries/board_overview'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { OrganisationFactory } from '#database/factories/organisation_factory'

/** An assembly at a Danish clock time, stored in UTC as the assembly form stores it. */
function assemblyAt(danish: string, status: AssemblyStatus = 'planned', title = danish) {
  return Assembly.create({
    kind: 'ordinary',
    title,
    startsAt: DateTime.fromISO(danish, { zone: 'Europe/Copenhagen' }).toUTC(),
    place: null,
    meetingUrl: null,
    motionDeadline: null,
    requestedBy: null,
    status,
    noticeSentAt: null,
    noticeLate: false,
    createdBy: 'test',
  })
}

function motion(assembly: Assembly, status: 'submitted' | 'withdrawn') {
  return Motion.create({
    assemblyId: assembly.id,
    agendaItemId: null,
    organisationId: null,
    submittedBy: 'Bestyrelsen',
    title: 'Forslag',
    body: '…',
    changesStatutes: false,
    status,
    submittedAt: DateTime.now(),
  })
}

const NOW = DateTime.fromISO('2026-03-10T12:00:00Z')

test.group('Board overview', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('counts every applicant, lists the five newest, and counts name changes waiting', async ({
    assert,
  }) => {
    const applicants = []
    for (let day = 1; day <= 6; day++) {
      applicants.push(
        await OrganisationFactory.apply('applicant')
          .merge({ createdAt: DateTime.fromISO(`2026-03-0${day}T10:00:00Z`) })
          .create()
      )
    }
    await OrganisationFactory.create()
    const [member] = await OrganisationFactory.createMany(1)
    for (const status of ['pending', 'pending', 'approved'] as const) {
      await NameChangeRequest.create({
        organisationId: member.id,
        requestedName: 'Nyt navn',
        requestedBy: 'kontakt@example.org',
        status,
        decidedBy: null,
        decidedAt: null,
      })
    }
    const overview = await getBoardOverview(NOW)
    assert.equal(overview.applicants.count, 6)
    assert.deepEqual(
      overview.applicants.latest.map((applicant) => applicant.id),
      applicants
        .slice(1)
        .reverse()
        .map((applicant) => applicant.id)
    )
    assert.equal(overview.nameChanges, 2)
  })

  test('the next assembly: one under way first, else the next not yet held', async ({ assert }) => {
    await assemblyAt('2026-03-01T19:00', 'planned', 'held last week')
    await assemblyAt('2026-02-01T19:00', 'closed', 'closed')
    const later = await assemblyAt('2026-06-01T19:00', 'planned', 'june')
    const sooner = await assemblyAt('2026-04-05T19:00', 'notice_sent', 'april')
    assert.equal((await getBoardOverview(NOW)).nextAssembly?.id, sooner.id)
    const open = await assemblyAt('2026-03-10T09:00', 'open', 'today')
    assert.equal((await getBoardOverview(NOW)).nextAssembly?.id, open.id)
    open.status = 'closed'
    await open.save()
    sooner.status = 'closed'
    await sooner.save()
    assert.equal((await getBoardOverview(NOW)).nextAssembly?.id, later.id)
  })

  test('an assembly earlier today in Danish time is still the next one', async ({ assert }) => {
    // 00.30 on 10 March in Copenhagen is 23.30 on 9 March UTC.
    const tonight = await assemblyAt('2026-03-10T00:30')
    assert.equal((await getBoardOverview(NOW)).nextAssembly?.id, tonight.id)
  })

  test('the notice deadline is the statutes’ days before the Danish meeting day, across the clock change', async ({
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.noticeDays = 14
    await settings.save()
    // 00.30 on 5 April (summer time) is 22.30 on 4 April UTC: the meeting day is the 5th.
    const assembly = await assemblyAt('2026-04-05T00:30')
    assembly.motionDeadline = DateTime.fromISO('2026-03-29')
    await assembly.save()
    await motion(assembly, 'submitted')
    await motion(assembly, 'submitted')
    await motion(assembly, 'withdrawn')
    const next = (await getBoardOverview(NOW)).nextAssembly!
    assert.equal(next.noticeDeadline, '2026-03-22')
    assert.equal(next.motionDeadline, '2026-03-29')
    assert.equal(next.motions, 2)
    assert.isFalse(next.noticeSent)
  })

  test('nothing planned gives no next assembly', async ({ assert }) => {
    await assemblyAt('2026-03-01T19:00', 'closed')
    assert.isNull((await getBoardOverview(NOW)).nextAssembly)
  })
})
