/*
 * The live preview beside the blocks: a short while after the last change,
 * the server renders the blocks (the same code a save uses) and answers with
 * the HTML and what is wrong, which replace the frame and the problem list.
 */
import { el } from './block_editor_dom.js'
import { postJson } from './post_json.js'
import { previewFrame } from './composer_frame.js'
import { showChecks } from './composer_checks.js'

const DELAY_MS = 500

export function createPreview(root, { form, field, t }) {
  const frame = root.querySelector('[data-preview-frame]')
  const shown = previewFrame(root)
  const problems = root.querySelector('[data-block-problems]')
  let timer = null
  let asked = 0

  for (const control of root.querySelectorAll('[data-preview-width]')) {
    control.addEventListener('click', () => {
      const phone = control.dataset.previewWidth === 'phone'
      frame.classList.toggle('is-phone', phone)
      for (const other of root.querySelectorAll('[data-preview-width]')) {
        other.setAttribute('aria-pressed', String(other === control))
      }
    })
  }

  const show = (messages) => {
    problems.replaceChildren(...messages.map((text) => el('li', { text })))
  }

  async function refresh() {
    const mine = ++asked
    let result
    try {
      const response = await postJson(root.dataset.previewUrl, form, {
        blocks: field.value,
        subject: form.subject?.value ?? '',
        preheader: form.preheader?.value ?? '',
      })
      if (!response.ok) throw new Error(String(response.status))
      result = await response.json()
    } catch {
      if (mine === asked) show([t('preview_failed')])
      return
    }
    // Changed again meanwhile: a newer answer is on its way.
    if (mine !== asked) return
    const messages = result.blockProblem ? [result.blockProblem] : []
    show([...messages, ...(result.problems ?? []).map((problem) => problem.message)])
    if (result.html) shown.show(result.html)
    if (!result.blockProblem) showChecks(root, result)
  }

  // The subject and preheader are checked too (set, not empty).
  form.preheader?.addEventListener('input', () => schedule())
  form.subject?.addEventListener('input', () => schedule())

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(refresh, DELAY_MS)
  }
  return { schedule }
}
