import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The figures `npm run bench` prints (see bin/bench.js, which prepares a
 * database of its own and the SMTP sink). Not a test: nothing here passes
 * or fails, it measures.
 */
export default class KredsBench extends BaseCommand {
  static commandName = 'kreds:bench'
  static description = 'Measure sending, personalising and documents (run by npm run bench)'
  static options: CommandOptions = { startApp: true }

  @flags.array({ description: 'Only these figures (personalise, send, invoice_pdf, …)' })
  declare only?: string[]

  async run() {
    const queue = await this.app.container.make('queue.manager')
    await queue.loadJobs()
    const { runBenchmarks } = await import('#shared/bench/benchmarks')
    const figures = await runBenchmarks((line) => this.logger.info(line), {
      only: this.only?.flatMap((names) => names.split(',')),
      mysql: this.app.config.get('database.connection') === 'mysql',
    })
    const { printFigures, writeFigures } = await import('#shared/bench/report')
    printFigures(figures)
    await writeFigures(figures, this.app.tmpPath('bench.json'))
  }
}
