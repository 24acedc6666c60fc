import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import InFlightMiddleware from '#middleware/in_flight_middleware'
import { requestsInFlight, untilNoRequestsInFlight } from '#shared/in_flight'

const context = {} as HttpContext

test.group('Requests in flight when the server stops', () => {
  test('the stop waits for a request still being handled, then goes on', async ({ assert }) => {
    let finish!: () => void
    const handled = new InFlightMiddleware().handle(
      context,
      () => new Promise<void>((resolve) => (finish = resolve))
    )
    assert.equal(requestsInFlight.count, 1)
    let stopped = false
    const stopping = untilNoRequestsInFlight(60_000).then(() => (stopped = true))
    // Give the wait a few turns to look: the request is not done, so neither is the stop.
    await new Promise((resolve) => setTimeout(resolve, 60))
    assert.isFalse(stopped)

    finish()
    await handled
    await stopping
    assert.isTrue(stopped)
    assert.equal(requestsInFlight.count, 0)
  })

  test('a request that fails is counted out too', async ({ assert }) => {
    const failing = new InFlightMiddleware().handle(context, async () => {
      throw new Error('boom')
    })
    await assert.rejects(() => failing, 'boom')
    assert.equal(requestsInFlight.count, 0)
    await untilNoRequestsInFlight(60_000)
  })
})
