import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace newsletters:send 12            — send issue 12 to its lists
 * node ace newsletters:send 12 --test a@b — a test copy to one address
 * The rows are queued here; `node ace queue:work` (started by `npm run dev`) sends them.
 */
export default class NewslettersSend extends BaseCommand {
  static commandName = 'newsletters:send'
  static description = 'Send a newsletter issue to its lists, or a test copy to one address'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The issue id' })
  declare issue: string

  @flags.string({ description: 'Send a test copy to this address instead' })
  declare test?: string

  async run() {
    const { default: vine } = await import('@vinejs/vine')
    const { default: NewsletterIssue } = await import('#newsletters/models/newsletter_issue')
    const { StartIssueSend } = await import('#newsletters/actions/start_issue_send')
    const { SendTestIssue } = await import('#newsletters/actions/send_test_issue')
    const { Actors } = await import('#audit/actor')

    // Console processes do not load job classes; the sync driver runs them right here.
    const queue = await this.app.container.make('queue.manager')
    await queue.loadJobs()

    const issueId = Number(this.issue)
    const issue = Number.isInteger(issueId) ? await NewsletterIssue.find(issueId) : null
    if (!issue) return this.fail(`No newsletter issue ${this.issue}`)
    const actor = Actors.system(`newsletters:send ${issue.id}`)

    if (this.test !== undefined) {
      const [error] = await vine.tryValidate({
        schema: vine.string().trim().email(),
        data: this.test,
      })
      if (error) return this.fail(`--test needs an e-mail address, not "${this.test}"`)
      const result = await new SendTestIssue().handle(
        { issueId: issue.id, addresses: [this.test.trim()] },
        actor
      )
      if (result.status === 'has_problems') {
        return this.fail(`The issue has ${result.problems} problem(s); fix them in the composer`)
      }
      this.logger.success(`Test of "${issue.subject}" sent to ${this.test.trim()}`)
      return
    }

    const result = await new StartIssueSend().handle({ issueId: issue.id }, actor)
    switch (result.status) {
      case 'started':
        this.logger.success(
          `Sending "${issue.subject}" to ${result.recipients} recipients in ${result.jobs} batches`
        )
        return
      case 'has_problems':
        return this.fail(`The issue has ${result.problems} problem(s); fix them in the composer`)
      case 'no_lists':
        return this.fail('The issue has no lists; choose them in the composer')
      case 'no_recipients':
        return this.fail("The issue's lists have no active subscribers")
      default:
        return this.fail(`Issue ${issue.id} is ${issue.status}, not a draft; nothing sent`)
    }
  }

  protected fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
