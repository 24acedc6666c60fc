import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace newsletters:import nyhedsbrev audience.csv [--dry-run]
 * Plain lists or Mailchimp exports; every row needs its opt-in time.
 */
export default class NewslettersImport extends BaseCommand {
  static commandName = 'newsletters:import'
  static description = 'Import subscribers with their consent evidence into a newsletter list'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The list, by its address name (e.g. nyhedsbrev) or id' })
  declare list: string

  @args.string({ description: 'The CSV file' })
  declare file: string

  @flags.boolean({ description: 'Check the file and report what would happen, without importing' })
  declare dryRun: boolean

  async run() {
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const { default: NewsletterList } = await import('#newsletters/models/newsletter_list')
    const { ImportSubscribers } = await import('#newsletters/actions/import_subscribers')
    const { describeProblem } = await import('#shared/csv/describe_problem')
    const { Actors } = await import('#audit/actor')
    const english = i18nManager.locale('en')

    const list = await NewsletterList.query()
      .where('slug', this.list)
      .orWhere('id', Number(this.list) || 0)
      .first()
    if (!list) return this.fail(`No newsletter list "${this.list}"`)
    let content: Buffer
    try {
      content = await readFile(this.file)
    } catch {
      return this.fail(`Cannot read the file ${this.file}`)
    }

    const result = await new ImportSubscribers().handle(
      { listId: list.id, file: content, fileName: basename(this.file), dryRun: this.dryRun },
      Actors.system(`newsletters:import ${basename(this.file)}`)
    )
    const unknown =
      result.status === 'invalid' ? result.unknownColumns : result.summary.unknownColumns
    if (unknown.length) this.logger.warning(`Columns not used: ${unknown.join(', ')}`)
    if (result.status === 'invalid') {
      for (const problem of result.problems) {
        this.logger.log(describeProblem(problem, english, 'newsletters.import'))
      }
      return this.fail(english.t('members.import.nothing_imported'))
    }
    const { summary } = result
    for (const email of summary.suppressed) {
      this.logger.warning(`${email}: unsubscribed, bounced or complained before; not added`)
    }
    const counts = `${summary.added} new, ${summary.alreadySubscribed} already subscribed, ${summary.suppressed.length} suppressed`
    if (result.status === 'checked') {
      this.logger.info(`Checked: ${counts}; nothing imported (--dry-run)`)
      return
    }
    this.logger.success(`Imported ${summary.added} subscribers into ${list.name}`)
    this.logger.info(counts)
  }

  protected fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
