/*
 * The voting register and the chair's screen follow check-ins and proxies
 * as they happen: on a register message the page's live parts are fetched
 * again and swapped in, without reloading the page.
 */
import Alpine from '@alpinejs/csp'
import { Transmit } from '@adonisjs/transmit-client'

// Kept outside Alpine's reactive data: its proxies break classes with private fields.
const subscriptions = new WeakMap()

Alpine.data('liveRegister', () => ({
  async init() {
    const root = this.$root
    const csrf = document.querySelector('input[name="_csrf"]')?.value ?? ''
    const transmit = new Transmit({
      baseUrl: window.location.origin,
      beforeSubscribe(request) {
        request.headers.append('x-csrf-token', csrf)
      },
    })
    const subscription = transmit.subscription(root.dataset.channel)
    subscriptions.set(root, subscription)
    subscription.onMessage((message) => {
      if (message.register) this.refresh()
    })
    await subscription.create()
    root.dataset.live = 'connected'
  },
  async refresh() {
    const response = await fetch(window.location.href, { headers: { accept: 'text/html' } })
    if (!response.ok) return
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html')
    for (const part of this.$root.querySelectorAll('[data-live-part]')) {
      const replacement = fresh.querySelector(`[data-live-part="${part.dataset.livePart}"]`)
      if (replacement) part.replaceWith(replacement)
    }
  },
}))
