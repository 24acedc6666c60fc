import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Organisation from '#members/models/organisation'
import { sqlTimestamp } from '#shared/sql_time'
import { DANISH_ZONE } from '#shared/danish_time'
import { getAssociationSettings } from '#association/queries/get_association_settings'

export type BoardOverview = {
  applicants: { count: number; latest: { id: number; name: string; createdAt: DateTime }[] }
  nameChanges: number
  nextAssembly: {
    id: number
    title: string
    startsAt: DateTime
    status: Assembly['status']
    /** The last Danish calendar day the notice may go out on and still meet the statutes. */
    noticeDeadline: string
    noticeSent: boolean
    motionDeadline: string | null
    motions: number
  } | null
}

const LATEST = 5

/**
 * What the board has to decide: applicants waiting, requested name changes,
 * and the next general assembly with its deadlines and the motions in.
 */
export async function getBoardOverview(now: DateTime = DateTime.now()): Promise<BoardOverview> {
  const [applicants, latest, nameChanges] = await Promise.all([
    db.from('organisations').where('status', 'applicant').count('* as total').first(),
    Organisation.query()
      .where('status', 'applicant')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LATEST),
    db.from('name_change_requests').where('status', 'pending').count('* as total').first(),
  ])
  return {
    applicants: {
      count: Number(applicants?.total ?? 0),
      latest: latest.map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        createdAt: organisation.createdAt,
      })),
    },
    nameChanges: Number(nameChanges?.total ?? 0),
    nextAssembly: await nextAssembly(now),
  }
}

/** An assembly under way first, else the next one not yet held. */
async function nextAssembly(now: DateTime): Promise<BoardOverview['nextAssembly']> {
  const assembly =
    (await Assembly.query().where('status', 'open').orderBy('starts_at').first()) ??
    (await Assembly.query()
      .whereIn('status', ['planned', 'notice_sent'])
      .where('starts_at', '>=', sqlTimestamp(now.setZone(DANISH_ZONE).startOf('day').toUTC()))
      .orderBy('starts_at')
      .first())
  if (!assembly) return null
  const settings = await getAssociationSettings()
  const motions = await db
    .from('motions')
    .where('assembly_id', assembly.id)
    .where('status', 'submitted')
    .count('* as total')
    .first()
  const meetingDay = assembly.startsAt.setZone(DANISH_ZONE).startOf('day')
  return {
    id: assembly.id,
    title: assembly.title,
    startsAt: assembly.startsAt,
    status: assembly.status,
    noticeDeadline: meetingDay.minus({ days: settings.noticeDays }).toISODate()!,
    noticeSent: assembly.noticeSentAt !== null,
    motionDeadline: assembly.motionDeadline?.toISODate() ?? null,
    motions: Number(motions?.total ?? 0),
  }
}
