/*
 * The progress bar on an issue's page: while the issue sends it asks the
 * server every two seconds, and reloads the page once sending stops so the
 * buttons match the new state.
 */
import Alpine from '@alpinejs/csp'

Alpine.data('sendProgress', () => ({
  timer: null,
  init() {
    if (this.$root.dataset.status !== 'sending') return
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
    const progress = await response.json()
    this.$root.querySelector('progress').value = progress.percent
    this.$refs.text.textContent = this.$root.dataset.template
      .replace('{sent}', progress.sent)
      .replace('{total}', progress.total)
      .replace('{failed}', progress.failed)
    if (progress.status !== 'sending') {
      clearInterval(this.timer)
      window.location.reload()
    }
  },
}))
