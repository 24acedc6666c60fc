/*
 * A big statement's sure matches are booked a batch per request; while some
 * remain, the page shows how far it got and sends the next batch itself.
 * Without JavaScript the "Continue" button does the same.
 */
import Alpine from '@alpinejs/csp'

Alpine.data('continueBatches', () => ({
  init() {
    this.$root.querySelector('form')?.requestSubmit()
  },
}))
