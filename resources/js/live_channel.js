/*
 * One live channel (server-sent events through Transmit) for a page part.
 * The subscription is kept outside Alpine's reactive data: Alpine's proxies
 * break classes with private fields.
 */
import { Transmit } from '@adonisjs/transmit-client'

const subscriptions = new WeakMap()

export async function listen(root, onMessage) {
  const csrf = document.querySelector('input[name="_csrf"]')?.value ?? ''
  const transmit = new Transmit({
    baseUrl: window.location.origin,
    beforeSubscribe(request) {
      request.headers.append('x-csrf-token', csrf)
    },
  })
  const subscription = transmit.subscription(root.dataset.channel)
  subscriptions.set(root, subscription)
  subscription.onMessage(onMessage)
  await subscription.create()
  root.dataset.live = 'connected'
}
