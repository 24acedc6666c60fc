import { changeSendStatus } from '#newsletters/sending/change_send_status'
import type { Actor } from '#audit/actor'

/** Stops for good: rows not yet sent stay queued and are never sent. */
export class CancelIssueSend {
  async handle(issueId: number, actor: Actor) {
    return changeSendStatus(
      issueId,
      ['sending', 'paused', 'scheduled'],
      'cancelled',
      actor,
      'issue.cancelled'
    )
  }
}
