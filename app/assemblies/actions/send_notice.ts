import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Organisation from '#members/models/organisation'
import SendAssemblyNoticeJob from '#assemblies/jobs/send_assembly_notice_job'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type SendNoticeResult =
  | { status: 'sent'; members: number; late: boolean }
  | { status: 'too_late'; daysLeft: number; required: number }
  | { status: 'not_planned' }

/**
 * Sends the indkaldelse to every active member. Later than the statutes'
 * notice period it is refused until the board confirms it knows; the
 * assembly then records that the notice was late.
 */
export class SendNotice {
  async handle(
    input: { assemblyId: number; confirmLate: boolean },
    actor: Actor
  ): Promise<SendNoticeResult> {
    const settings = await getAssociationSettings()
    const assembly = await Assembly.findOrFail(input.assemblyId)
    if (assembly.status !== 'planned' && assembly.status !== 'notice_sent') {
      return { status: 'not_planned' }
    }
    const today = DateTime.now().setZone('Europe/Copenhagen').startOf('day')
    const meetingDay = assembly.startsAt.setZone('Europe/Copenhagen').startOf('day')
    const daysLeft = Math.floor(meetingDay.diff(today, 'days').days)
    const late = daysLeft < settings.noticeDays
    if (late && !input.confirmLate) {
      return { status: 'too_late', daysLeft, required: settings.noticeDays }
    }
    const members = await Organisation.query().where('status', 'active').select('id')
    await db.transaction(async (trx) => {
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
    })
    for (const member of members) {
      await SendAssemblyNoticeJob.dispatch({ assemblyId: assembly.id, organisationId: member.id })
    }
    return { status: 'sent', members: members.length, late }
  }
}
