import db from '@adonisjs/lucid/services/db'
import DuesRun, { type DuesRunKind } from '#dues/models/dues_run'
import DuesRunItem from '#dues/models/dues_run_item'
import RunDuesJob from '#dues/jobs/run_dues_job'
import { planInvoiceRun } from '#dues/queries/plan_invoice_run'
import { planReminders } from '#dues/queries/plan_reminders'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'

export type StartDuesRunInput = {
  kind: DuesRunKind
  token: string
  fingerprint: string
  year: number | null
  withoutReference: boolean
}

export type StartDuesRunResult =
  { status: 'started' | 'existing'; run: DuesRun } | { status: 'stale' | 'nothing_to_do' }

/** The plan as run items: the same plan the confirmation page showed. */
async function plannedItems(input: StartDuesRunInput) {
  if (input.kind === 'generate') {
    const plan = await planInvoiceRun({
      year: input.year!,
      withoutReference: input.withoutReference,
    })
    return {
      fingerprint: plan.fingerprint,
      items: plan.items.map((item) => ({
        organisationId: item.organisationId,
        organisationName: item.organisation,
        amountOre: item.amountOre,
        recipient: item.recipients.join(', ') || null,
      })),
    }
  }
  const plan = await planReminders()
  return {
    fingerprint: plan.fingerprint,
    items: plan.items.map((item) => ({
      organisationId: item.organisationId,
      organisationName: item.organisation,
      invoiceId: item.invoiceId,
      invoiceNumber: item.number,
      level: item.level,
      amountOre: item.feeOre,
      recipient: item.recipient,
    })),
  }
}

/**
 * Starts a confirmed run once per confirmation: the form's token is stored
 * with the run under a unique key, so a second submit of the same form, even
 * at the same moment, finds the first run. A plan that is no longer what the
 * page showed (a new member, an invoice paid since) is refused as stale.
 */
export class StartDuesRun {
  async handle(input: StartDuesRunInput, actor: Actor): Promise<StartDuesRunResult> {
    const existing = await DuesRun.findBy('token', input.token)
    if (existing) return { status: 'existing', run: existing }
    const plan = await plannedItems(input)
    if (plan.fingerprint !== input.fingerprint) {
      // The first of two submits may have changed the plan by running it.
      const first = await DuesRun.findBy('token', input.token)
      return first ? { status: 'existing', run: first } : { status: 'stale' }
    }
    if (plan.items.length === 0) return { status: 'nothing_to_do' }
    let run: DuesRun
    try {
      run = await db.transaction(async (trx) => {
        const created = await DuesRun.create(
          {
            kind: input.kind,
            token: input.token,
            fingerprint: input.fingerprint,
            year: input.year,
            withoutReference: input.withoutReference,
            state: 'queued',
            total: plan.items.length,
            done: 0,
            totalOre: plan.items.reduce((sum, item) => sum + item.amountOre, 0),
            userId: actor.id,
            actorLabel: actor.label,
            actorIp: actor.ip ?? null,
            actorUserAgent: actor.userAgent ?? null,
            finishedAt: null,
          },
          { client: trx }
        )
        await DuesRunItem.createMany(
          plan.items.map((item, index) => ({
            invoiceId: null,
            invoiceNumber: null,
            level: null,
            ...item,
            runId: created.id,
            position: index + 1,
            outcome: 'planned',
          })),
          { client: trx }
        )
        return created
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return { status: 'existing', run: await DuesRun.findByOrFail('token', input.token) }
    }
    await RunDuesJob.dispatch({ runId: run.id })
    return { status: 'started', run }
  }
}
