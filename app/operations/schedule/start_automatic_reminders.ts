import { DateTime } from 'luxon'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { planReminders } from '#dues/queries/plan_reminders'
import { StartDuesRun, type StartDuesRunResult } from '#dues/actions/start_dues_run'
import { Actors } from '#audit/actor'
import { DANISH_ZONE } from '#shared/danish_time'

export type AutomaticRemindersResult = StartDuesRunResult | { status: 'off' }

/**
 * The day's reminder run, started by the scheduler when the treasurer has
 * turned automatic reminders on. It is the run the confirmation page starts,
 * with the scheduler as the one who confirmed: recorded, listed and audited
 * the same way. The run's one-time token is the Danish date, so a second
 * start the same day (a caught-up run, a job delivered twice) finds the
 * first run instead of making another.
 */
export class StartAutomaticReminders {
  async handle(now: DateTime = DateTime.now()): Promise<AutomaticRemindersResult> {
    const settings = await getAssociationSettings()
    if (!settings.automaticReminders) return { status: 'off' }
    const plan = await planReminders()
    return new StartDuesRun().handle(
      {
        kind: 'remind',
        token: automaticRunToken(now),
        fingerprint: plan.fingerprint,
        year: null,
        withoutReference: false,
      },
      Actors.system('scheduler')
    )
  }
}

export function automaticRunToken(now: DateTime) {
  return `automatic-reminders-${now.setZone(DANISH_ZONE).toISODate()}`
}
