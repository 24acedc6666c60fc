/*
 * The composer's presence heartbeat: every half minute the page says the
 * issue is open and hears who else has it open, shown as a warning above
 * the form. It only warns; a save over another's version is still refused.
 */
import { postJson } from './post_json.js'

export function mountPresence(form) {
  const box = document.querySelector('[data-presence]')
  const texts = JSON.parse(form.dataset.composerTexts)
  const seconds = Number(form.dataset.heartbeat) || 30
  const csrf = () => form.querySelector('input[name="_csrf"]').value
  let url = form.dataset.presenceUrl
  let shown = ''

  function show(others) {
    const text = others.map((other) => other.message).join('\n')
    // Redrawn only when it changes, so a screen reader hears it once.
    if (text === shown) return
    shown = text
    if (!others.length) {
      box.replaceChildren()
      return
    }
    const panel = document.createElement('div')
    panel.className = 'presence-warning'
    const list = document.createElement('ul')
    for (const other of others) {
      const item = document.createElement('li')
      item.textContent = other.message
      list.append(item)
    }
    const hint = document.createElement('p')
    hint.className = 'hint'
    hint.textContent = texts.also_open_hint
    panel.append(list, hint)
    box.replaceChildren(panel)
  }

  async function beat() {
    if (!url) return
    try {
      const response = await postJson(url, form, {})
      if (response.ok) show((await response.json()).others)
    } catch {
      // A missed heartbeat only delays the warning; the next one tries again.
    }
  }

  form.addEventListener('issue-created', (event) => {
    url = event.detail.presenceUrl
    beat()
  })
  // Leaving says goodbye at once, so the others' warning does not linger for a minute.
  window.addEventListener('pagehide', () => {
    if (!url) return
    navigator.sendBeacon(url, new URLSearchParams({ _csrf: csrf(), leaving: '1' }))
  })
  beat()
  setInterval(beat, seconds * 1000)
}
