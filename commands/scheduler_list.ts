import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace scheduler:list — what Kreds does by itself and when, in Danish
 * time. The work runs inside `node ace queue:work`; this only reads.
 */
export default class SchedulerList extends BaseCommand {
  static commandName = 'scheduler:list'
  static description = 'List the recurring work with its next and last run (Danish time)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: env } = await import('#start/env')
    if (env.get('QUEUE_DRIVER') === 'sync') {
      this.logger.warning('QUEUE_DRIVER=sync keeps no schedule: nothing runs by itself')
      return
    }
    const { listRecurringWork } = await import('#operations/schedule/list_recurring_work')
    const table = this.ui.table()
    table.head(['Id', 'Hvad', 'Hvornår', 'Næste kørsel', 'Sidste kørsel', 'Kørsler', 'Status'])
    for (const row of await listRecurringWork()) {
      table.row([
        row.id,
        row.description,
        row.when,
        row.next,
        row.last,
        String(row.runs),
        row.status,
      ])
    }
    table.render()
  }
}
