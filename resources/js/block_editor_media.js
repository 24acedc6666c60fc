/*
 * The image picker: the media library's described images (GET
 * /newsletters/media.json?q=, only images with alt text are listed), in a
 * modal <dialog>, which keeps focus inside and closes on Escape.
 */
import { el } from './block_editor_dom.js'

export function createImagePicker(root, t) {
  const dialog = root.querySelector('[data-media-picker]')
  const search = dialog.querySelector('[data-media-search]')
  const status = dialog.querySelector('[data-media-status]')
  const results = dialog.querySelector('[data-media-results]')
  const url = root.dataset.mediaUrl
  let resolve = null
  let timer = null
  let asked = 0

  const finish = (picked) => {
    const done = resolve
    resolve = null
    if (dialog.open) dialog.close()
    done?.(picked)
  }
  dialog.querySelector('[data-media-close]').addEventListener('click', () => finish(null))
  // Escape closes the dialog without a choice.
  dialog.addEventListener('close', () => finish(null))
  search.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => load(search.value), 300)
  })

  async function load(query) {
    const mine = ++asked
    status.textContent = t('picker_loading')
    let media
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query.trim())}`, {
        headers: { accept: 'application/json' },
      })
      if (!response.ok) throw new Error(String(response.status))
      media = (await response.json()).media ?? []
    } catch {
      if (mine !== asked) return
      results.replaceChildren()
      status.textContent = t('picker_failed')
      return
    }
    // A slower, older search must not replace a newer one's results.
    if (mine !== asked) return
    status.textContent = media.length
      ? t('picker_count', { count: media.length })
      : t('picker_empty')
    results.replaceChildren(...media.map(choice))
  }

  function choice(media) {
    const pick = el('button', { type: 'button', class: 'media-choice' }, [
      // The button's words name the image; the thumbnail adds nothing to read.
      el('img', { src: media.urls['600'], alt: '', loading: 'lazy' }),
      el('span', { class: 'media-alt', text: media.altText }),
      el('span', { class: 'media-name', text: media.name }),
    ])
    // The 1200 px copy: sharp on high-density screens, shown 600 px wide in the mail.
    pick.addEventListener('click', () =>
      finish({ src: media.urls['1200'] ?? media.urls['600'], alt: media.altText })
    )
    return el('li', {}, [pick])
  }

  /** Resolves with `{ src, alt }`, or null when closed without a choice. */
  return function pickImage() {
    finish(null)
    return new Promise((done) => {
      resolve = done
      search.value = ''
      results.replaceChildren()
      dialog.showModal()
      search.focus()
      load('')
    })
  }
}
