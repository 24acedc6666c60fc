import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type { RetentionSettings } from '#operations/retention/retention_settings'
import { deleteLoginLinks } from '#operations/retention/rules/login_links'
import { removeTemporaryFiles } from '#operations/retention/rules/temporary_files'
import {
  anonymiseDeliveries,
  anonymiseShareEvents,
  deleteForwards,
} from '#operations/retention/rules/newsletter_records'
import { blankIpAddresses } from '#operations/retention/rules/ip_addresses'
import { anonymiseFormerMembers } from '#operations/retention/rules/former_members'

/** Finished jobs stay a month, so that the admin can still see why one failed. */
export const FINISHED_JOBS_KEPT_DAYS = 30

export type CleanUpCounts = {
  staff_tokens: number
  member_tokens: number
  sessions: number
  temporary_files: number
  queue_jobs: number
  deliveries: number
  share_events: number
  forwards: number
  ip_addresses: number
  former_members: number
  contacts: number
  invoice_addresses: number
}

/**
 * Deletes or anonymises what has outlived its use, each kind after the time
 * the retention settings give it (see README, Retention): login links,
 * ended sessions, abandoned temporary files, finished queue jobs older than
 * a month, who received which newsletter, what share links led to,
 * forwards, IP addresses and former members' contact persons. Signed
 * minutes, consent records and invoices are never touched. Every run is one
 * audit event with the counts, also a run that found nothing, so the log
 * shows that the clean-up is alive.
 */
export class CleanUpExpiredData {
  constructor(private tmpRoot: string = app.tmpPath()) {}

  async handle(actor: Actor, now: DateTime = DateTime.now()): Promise<CleanUpCounts> {
    const settings: RetentionSettings = await getAssociationSettings()
    const temporaryFiles = await removeTemporaryFiles(this.tmpRoot, now.toMillis())
    return db.transaction(async (trx) => {
      const links = await deleteLoginLinks(trx, now, settings.retentionLoginTokenDays)
      const counts: CleanUpCounts = {
        ...links,
        // Compared with a Date, as the session store writes it (milliseconds on SQLite).
        sessions: Number(
          await trx.from('sessions').where('expires_at', '<=', now.toJSDate()).delete()
        ),
        temporary_files: temporaryFiles,
        queue_jobs: Number(
          await trx
            .from('queue_jobs')
            .whereIn('status', ['completed', 'failed'])
            .where('finished_at', '<', now.minus({ days: FINISHED_JOBS_KEPT_DAYS }).toMillis())
            .delete()
        ),
        deliveries: await anonymiseDeliveries(trx, now, settings.retentionDeliveryMonths),
        share_events: await anonymiseShareEvents(trx, now, settings.retentionShareEventMonths),
        forwards: await deleteForwards(trx, now, settings.retentionForwardMonths),
        ip_addresses: await blankIpAddresses(trx, now, settings.retentionIpMonths),
        ...(await anonymiseFormerMembers(trx, now, settings.retentionFormerMemberMonths)),
      }
      await recordAuditEvent(trx, actor, {
        module: 'operations',
        action: 'operations.retention_run',
        details: counts,
      })
      return counts
    })
  }
}
