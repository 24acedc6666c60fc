/*
 * Pages work without JavaScript; Alpine (its CSP build, so no eval) adds the
 * few things that react on the page, such as the menu on small screens.
 */
import Alpine from '@alpinejs/csp'

Alpine.data('navigation', () => ({
  open: false,
  toggle() {
    this.open = !this.open
  },
  close() {
    this.open = false
  },
}))

/*
 * The newsletter composer: as the secretariat types, the server checks and
 * compiles the MJML; problems appear by line and the preview is replaced.
 */
Alpine.data('composer', () => ({
  problems: [],
  narrow: false,
  timer: null,
  schedule() {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.refresh(), 400)
  },
  desktop() {
    this.narrow = false
  },
  phone() {
    this.narrow = true
  },
  get frameClass() {
    return this.narrow ? 'is-phone' : ''
  },
  async refresh() {
    const form = this.$root
    const response = await fetch('/newsletters/issues/preview', {
      method: 'POST',
      headers: {
        'accept': 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': form.querySelector('input[name="_csrf"]').value,
      },
      body: JSON.stringify({ body_mjml: form.body_mjml.value, preheader: form.preheader.value }),
    })
    if (!response.ok) return
    const result = await response.json()
    const label = document.documentElement.lang === 'en' ? 'line' : 'linje'
    form.querySelectorAll('[data-server-problem]').forEach((item) => item.remove())
    this.problems = result.problems.map((problem) => ({
      text: `${label} ${problem.line}: ${problem.message}`,
    }))
    if (result.html) form.querySelector('iframe').srcdoc = result.html
  },
}))

window.Alpine = Alpine
Alpine.start()
