import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Organisation from '#members/models/organisation'
import SendAssemblyNoticeJob from '#assemblies/jobs/send_assembly_notice_job'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { supportsRowLocks } from '#shared/row_locks'
import { DANISH_ZONE, danishToday } from '#shared/danish_time'

export type SendNoticeResult =
  | { status: 'sent'; members: number; late: boolean }
  | { status: 'too_late'; daysLeft: number; required: number }
  | { status: 'not_planned' }
  | { status: 'sent_meanwhile' }

/**
 * Sends the indkaldelse to every active member. Later than the statutes'
 * notice period it is refused until the board confirms it knows; the
 * assembly then records that the notice was late. The send page passes when
 * it saw the notice last sent: a notice sent since then (a second click, a
 * resubmitted form, a colleague) is not sent again.
 */
export class SendNotice {
  async handle(
    input: { assemblyId: number; confirmLate: boolean; seenSentAt?: DateTime | null },
    actor: Actor
  ): Promise<SendNoticeResult> {
    const settings = await getAssociationSettings()
    const assembly = await Assembly.findOrFail(input.assemblyId)
    if (assembly.status !== 'planned' && assembly.status !== 'notice_sent') {
      return { status: 'not_planned' }
    }
    const { daysLeft, late } = noticeTiming(assembly, settings.noticeDays)
    if (late && !input.confirmLate) {
      return { status: 'too_late', daysLeft, required: settings.noticeDays }
    }
    const members = await Organisation.query().where('status', 'active').select('id')
    const sent = await db.transaction(async (trx) => {
      if (input.seenSentAt !== undefined) {
        // Read again under the row lock, so of two sends confirmed on the same page one goes.
        const query = Assembly.query({ client: trx }).where('id', assembly.id)
        if (supportsRowLocks(trx)) query.forUpdate()
        const current = await query.firstOrFail()
        if (current.noticeSentAt?.toMillis() !== input.seenSentAt?.toMillis()) return false
      }
      assembly.useTransaction(trx)
      assembly.merge({
        status: 'notice_sent',
        noticeSentAt: DateTime.now(),
        noticeLate: late,
      })
      await assembly.save()
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: late ? 'notice.sent_late' : 'notice.sent',
        details: { assembly: assembly.title, members: members.length, days: daysLeft },
        subject: { type: 'assembly', id: assembly.id },
      })
      return true
    })
    if (!sent) return { status: 'sent_meanwhile' }
    for (const member of members) {
      await SendAssemblyNoticeJob.dispatch({ assemblyId: assembly.id, organisationId: member.id })
    }
    return { status: 'sent', members: members.length, late }
  }
}

/** Whole Danish days from today to the meeting day, and whether that is shorter than the statutes ask. */
export function noticeTiming(assembly: Assembly, noticeDays: number) {
  const today = danishToday()
  const meetingDay = assembly.startsAt.setZone(DANISH_ZONE).startOf('day')
  const daysLeft = Math.floor(meetingDay.diff(today, 'days').days)
  return { daysLeft, late: daysLeft < noticeDays }
}
