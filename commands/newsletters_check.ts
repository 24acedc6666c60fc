import { readFile } from 'node:fs/promises'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace newsletters:check newsletter.mjml
 * Checks a newsletter's MJML the way sending it would: every problem is
 * listed as `line N: message` with exit code 1, otherwise it prints `ok`.
 */
export default class NewslettersCheck extends BaseCommand {
  static commandName = 'newsletters:check'
  static description = 'Check a newsletter written in MJML before it is sent'
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'The MJML file' })
  declare file: string

  async run() {
    const { checkMjml } = await import('#newsletters/mjml/check_mjml')

    let source: string
    try {
      source = await readFile(this.file, 'utf8')
    } catch {
      this.logger.error(`Cannot read the file ${this.file}`)
      this.exitCode = 1
      return
    }

    const { problems } = await checkMjml(source, { filePath: this.file })
    if (problems.length) {
      for (const { line, message } of problems) this.logger.log(`line ${line}: ${message}`)
      this.exitCode = 1
      return
    }
    this.logger.log('ok')
  }
}
