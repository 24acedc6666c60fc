import { changeSendStatus } from '#newsletters/sending/change_send_status'
import type { Actor } from '#audit/actor'

/** Running batches notice within a few messages and put their unsent rows back. */
export class PauseIssueSend {
  async handle(issueId: number, actor: Actor) {
    return changeSendStatus(issueId, ['sending'], 'paused', actor, 'issue.paused')
  }
}
