/*
 * The media library's upload form takes dropped images too. Each file is
 * posted on its own to the same route as the form, asking for JSON, and the
 * page reloads when all are done so the grid shows them. Without JavaScript
 * the form's plain file input does the same for one file.
 */
import Alpine from '@alpinejs/csp'

Alpine.data('mediaUpload', () => ({
  dragging: false,
  // Inline, so the page needs no stylesheet change: a dashed outline while a file hovers.
  get dropStyle() {
    return this.dragging ? 'outline: 3px dashed currentColor; outline-offset: 4px' : ''
  },
  over() {
    this.dragging = true
  },
  leave() {
    this.dragging = false
  },
  async drop(event) {
    this.dragging = false
    const files = [...(event.dataTransfer?.files ?? [])]
    if (!files.length) return
    const form = this.$root
    const status = this.$refs.status
    let uploaded = 0
    for (const file of files) {
      const line = document.createElement('li')
      line.textContent = status.dataset.uploading.replace('{name}', file.name)
      status.append(line)
      const body = new FormData()
      body.append('image', file, file.name)
      const response = await fetch(form.action, {
        method: 'POST',
        headers: {
          'accept': 'application/json',
          'x-csrf-token': form.querySelector('input[name="_csrf"]').value,
        },
        body,
      })
      if (response.ok) {
        uploaded += 1
        line.remove()
        continue
      }
      const answer = await response.json().catch(() => ({}))
      const message = answer.errors?.[0]?.message ?? answer.message ?? response.statusText
      line.textContent = `${file.name}: ${message}`
    }
    if (uploaded && !status.children.length) window.location.reload()
  },
}))
