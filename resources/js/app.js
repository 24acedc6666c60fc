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

window.Alpine = Alpine
Alpine.start()
