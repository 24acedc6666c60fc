import { DateTime } from 'luxon'
import DuesRun from '#dues/models/dues_run'
import DuesRunItem from '#dues/models/dues_run_item'
import { issuePlannedInvoice } from '#dues/actions/issue_dues_invoices'
import { SendReminder } from '#dues/actions/send_reminder'
import type { Actor } from '#audit/actor'

/**
 * Works through a confirmed run's planned items with the same actions as the
 * ace commands, counting each as done for the progress page. Items already
 * answered are passed over, so a retried job resumes where it stopped and
 * a job delivered twice does nothing twice.
 */
export class ExecuteDuesRun {
  async handle(input: { runId: number }) {
    const run = await DuesRun.find(input.runId)
    if (!run || run.state === 'done') return
    run.state = 'running'
    await run.save()
    // A run nobody confirmed was started by the scheduler (automatic reminders).
    const actor: Actor = {
      type: run.userId === null ? 'system' : 'user',
      id: run.userId,
      label: run.actorLabel,
      ip: run.actorIp,
      userAgent: run.actorUserAgent,
    }
    try {
      const items = await DuesRunItem.query()
        .where('run_id', run.id)
        .where('outcome', 'planned')
        .orderBy('position')
      for (const item of items) {
        await this.#execute(run, item, actor)
        await item.save()
        run.done = await this.#answered(run)
        await run.save()
      }
      run.state = 'done'
    } catch (error) {
      run.state = 'failed'
      throw error
    } finally {
      run.done = await this.#answered(run)
      if (run.finished) run.finishedAt = DateTime.now()
      await run.save()
    }
  }

  async #execute(run: DuesRun, item: DuesRunItem, actor: Actor) {
    if (run.kind === 'generate') {
      const result = await issuePlannedInvoice(
        {
          organisationId: item.organisationId,
          year: run.year!,
          withoutReference: run.withoutReference,
        },
        actor
      )
      item.outcome = result.status
      if (result.status === 'issued') {
        item.invoiceId = result.invoice.id
        item.invoiceNumber = result.invoice.number
      }
      return
    }
    const result = await new SendReminder().handle(
      {
        invoiceId: item.invoiceId!,
        level: item.level!,
        feeOre: item.amountOre,
        recipient: item.recipient,
      },
      actor
    )
    item.outcome = result.status
  }

  async #answered(run: DuesRun) {
    const row = await DuesRunItem.query()
      .where('run_id', run.id)
      .whereNot('outcome', 'planned')
      .count('* as total')
      .firstOrFail()
    return Number(row.$extras.total)
  }
}
