import db from '@adonisjs/lucid/services/db'
import { StartIssueSend } from '#newsletters/actions/start_issue_send'
import { Actors } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

/** Starts every scheduled issue whose time has come. */
export class StartScheduledIssues {
  async handle() {
    const due = await db
      .from('newsletter_issues')
      .where('status', 'scheduled')
      .where('scheduled_at', '<=', sqlTimestamp())
      .select('id')
    const started: number[] = []
    for (const { id } of due) {
      const result = await new StartIssueSend().handle(
        { issueId: Number(id) },
        Actors.system('newsletter schedule')
      )
      if (result.status === 'started') started.push(Number(id))
    }
    return started
  }
}
