import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** node ace dues:remind — the reminders due today, each with the invoice PDF. */
export default class DuesRemind extends BaseCommand {
  static commandName = 'dues:remind'
  static description = 'Send the reminders (rykkere) that unpaid, overdue invoices are due today'
  static options: CommandOptions = { startApp: true }

  async run() {
    const queue = await this.app.container.make('queue.manager')
    await queue.loadJobs()
    const { SendReminders } = await import('#dues/actions/send_reminders')
    const { Actors } = await import('#audit/actor')
    const summary = await new SendReminders().handle(Actors.system('dues:remind'))
    for (const sent of summary.sent) {
      this.logger.log(`${sent.number}  ${sent.organisation}  reminder ${sent.level}`)
    }
    this.logger.success(`Sent ${summary.sent.length} reminders`)
  }
}
