/*
 * A dues run's progress page: while the run goes it asks the server every two
 * seconds and moves the bar and the status line in place (a screen reader
 * hears the status, not a page reload), then reloads once so the result list
 * shows. Without JavaScript the page's <noscript> refresh does the same.
 */
import Alpine from '@alpinejs/csp'

Alpine.data('duesRunProgress', () => ({
  timer: null,
  init() {
    if (['done', 'failed'].includes(this.$root.dataset.state)) return
    this.timer = setInterval(() => this.poll(), 2000)
  },
  destroy() {
    clearInterval(this.timer)
  },
  async poll() {
    const response = await fetch(this.$root.dataset.url, {
      headers: { accept: 'application/json' },
    })
    if (!response.ok) return
    const run = await response.json()
    const bar = this.$root.querySelector('progress')
    bar.value = run.done
    bar.max = Math.max(run.total, 1)
    if (run.state === 'running') {
      this.$refs.text.textContent = this.$root.dataset.running
        .replace('{done}', run.done)
        .replace('{total}', run.total)
    }
    if (run.state !== 'queued' && run.state !== 'running') {
      clearInterval(this.timer)
      window.location.reload()
    }
  },
}))
