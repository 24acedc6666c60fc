import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { changeSendStatus } from '#newsletters/sending/change_send_status'
import { dispatchQueuedBatches } from '#newsletters/sending/batches'
import { finishIfDone } from '#newsletters/sending/finish'
import { claimTimeoutSeconds } from '#newsletters/sending/progress'
import type { Actor } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

/** Takes a paused send up again where it stopped. */
export class ResumeIssueSend {
  async handle(issueId: number, actor: Actor) {
    if (!(await changeSendStatus(issueId, ['paused'], 'sending', actor, 'issue.resumed'))) {
      return false
    }
    await db
      .from('newsletter_deliveries')
      .where('issue_id', issueId)
      .where('status', 'sending')
      .where(
        'claimed_at',
        '<',
        sqlTimestamp(DateTime.now().minus({ seconds: claimTimeoutSeconds() }))
      )
      .update({ status: 'queued', claim: null })
    await dispatchQueuedBatches(issueId)
    await finishIfDone(issueId)
    return true
  }
}
