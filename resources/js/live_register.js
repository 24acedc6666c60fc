/*
 * The voting register and the chair's screen follow check-ins and proxies
 * as they happen: on a register message the page's live parts are fetched
 * again and swapped in, without reloading the page.
 */
import Alpine from '@alpinejs/csp'
import { listen } from './live_channel.js'

Alpine.data('liveRegister', () => ({
  async init() {
    const root = this.$root
    await listen(root, (message) => {
      if (message.register) this.refresh()
    })
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
