/*
 * The chair's screen listens to the assembly's live channel (server-sent
 * events). A message names a ballot; the screen asks for its state and
 * shows the counts, or the result once it closes, without a reload.
 */
import Alpine from '@alpinejs/csp'
import { listen } from './live_channel.js'

Alpine.data('chairScreen', () => ({
  async init() {
    const root = this.$root
    await listen(root, (message) => {
      if (message.ballotId) return this.refresh(message.ballotId)
      // A check-in or proxy changes how many votes are missing.
      for (const open of root.querySelectorAll('[data-status="open"]')) {
        this.refresh(open.dataset.ballot)
      }
    })
  },
  async refresh(ballotId) {
    const section = this.$root.querySelector(`[data-ballot="${ballotId}"]`)
    if (!section) return window.location.reload()
    // The server puts each ballot's status URL on its section, built by the router.
    const response = await fetch(section.dataset.statusUrl, {
      headers: { accept: 'application/json' },
    })
    if (!response.ok) return
    const state = await response.json()
    // A member asked for a written ballot before it opened: show the changed setup.
    if (state.status === 'draft') return window.location.reload()
    section.dataset.status = state.status
    const labels = JSON.parse(this.$root.dataset.labels)
    section.querySelector('[data-role="status"]').textContent = labels.statuses[state.status]
    let count = section.querySelector('.live-count')
    if (state.status === 'open') {
      if (!count) {
        count = document.createElement('p')
        count.className = 'live-count'
        count.dataset.testid = 'live-count'
        section.querySelector('.result').before(count)
      }
      count.textContent = labels.counts
        .replace('{cast}', state.cast)
        .replace('{missing}', state.missing)
    }
    if (state.status === 'closed') {
      count?.remove()
      section.querySelector('form')?.remove()
      const list = section.querySelector('.result')
      list.replaceChildren(
        ...state.lines.map((line) => {
          const item = document.createElement('li')
          item.textContent = line
          return item
        })
      )
    }
  },
}))
