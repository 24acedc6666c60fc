import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { SendDeliveryBatch } from '#newsletters/actions/send_delivery_batch'

/** One batch of an issue's deliveries, by id; the copies are made in the worker. */
export default class SendDeliveryBatchJob extends Job<{ issueId: number; deliveryIds: number[] }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const outcome = await new SendDeliveryBatch().handle(this.payload)
    if (outcome.retry.length) {
      // Temporary refusals wait a while and are tried again in a batch of their own.
      await SendDeliveryBatchJob.dispatch({
        issueId: this.payload.issueId,
        deliveryIds: outcome.retry,
      }).in('1m')
    }
  }
}
