import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { SendDeliveryBatch } from '#newsletters/actions/send_delivery_batch'
import { retryDelayMinutes } from '#newsletters/sending/retry'

/** One batch of an issue's deliveries, by id; the copies are made in the worker. */
export default class SendDeliveryBatchJob extends Job<{ issueId: number; deliveryIds: number[] }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const outcome = await new SendDeliveryBatch().handle(this.payload)
    if (outcome.retry.ids.length) {
      // Temporary refusals wait, longer each time, and are tried again in a batch of their own.
      await SendDeliveryBatchJob.dispatch({
        issueId: this.payload.issueId,
        deliveryIds: outcome.retry.ids,
      }).in(`${retryDelayMinutes(outcome.retry.attempts)}m`)
    }
  }
}
