/*
 * The composer's autosave, in both views: a few seconds after the last
 * change, and as the page is left, the form is posted as the button would
 * post it but asking for JSON. The answer's `base` is the version the next
 * save must be made over, so a save over someone else's is still refused
 * (that refusal stops autosaving: only reopening the issue can help). A new
 * issue is created by its first save; the page then carries on as the
 * issue's edit page, with its address, without reloading.
 */
const DELAY_MS = 5000

/**
 * `beforeSave()` is called as a save is posted and its value handed to
 * `afterSave(result, value)` with the answer: the visual editor notes which
 * blocks went out, to give them the stored version's origins.
 */
export function mountAutosave(form, { beforeSave = () => null, afterSave = () => {} } = {}) {
  const status = form.querySelector('[data-autosave-status]')
  const texts = JSON.parse(form.dataset.composerTexts)
  const csrf = () => form.querySelector('input[name="_csrf"]').value
  let timer = null
  let saving = null
  let stopped = form.dataset.autosave !== 'on'
  let leavingBySubmit = false

  /** The form as it would be saved, without what changes on every save. */
  const snapshot = () => {
    const data = new URLSearchParams(new FormData(form))
    for (const name of ['_csrf', 'base']) data.delete(name)
    return data.toString()
  }
  let lastSaved = snapshot()
  const dirty = () => snapshot() !== lastSaved

  function baseField() {
    let field = form.querySelector('input[name="base"]')
    if (!field) {
      field = Object.assign(document.createElement('input'), { type: 'hidden', name: 'base' })
      form.prepend(field)
    }
    return field
  }

  /** The first save created the issue: from now on this page edits it. */
  function becomeEditPage(result) {
    form.action = result.updateUrl
    form.dataset.issueId = String(result.id)
    const editor = new URL(location.href).searchParams.get('editor')
    const suffix = editor ? `?editor=${editor}` : ''
    history.replaceState(null, '', result.editUrl + suffix)
    for (const link of document.querySelectorAll('[data-testid="editor-views"] a')) {
      const view = new URL(link.href).searchParams.get('editor')
      link.href = `${result.editUrl}?editor=${view}`
    }
    form.dispatchEvent(new CustomEvent('issue-created', { detail: result }))
  }

  async function send(state, leaving) {
    status.textContent = texts.saving
    const posted = beforeSave()
    let response
    let result = null
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: { 'accept': 'application/json', 'x-csrf-token': csrf() },
        body: new URLSearchParams(new FormData(form)),
        keepalive: leaving,
      })
      result = await response.json().catch(() => null)
    } catch {
      status.textContent = texts.save_failed
      return
    }
    if (response.ok && result?.status === 'saved') {
      const untouched = snapshot() === state
      baseField().value = result.base
      if (form.dataset.issueId !== String(result.id)) becomeEditPage(result)
      afterSave(result, posted)
      // The editor's bookkeeping changed, not the issue: that is no reason to save again.
      lastSaved = untouched ? snapshot() : state
      status.textContent = result.message
      return
    }
    if (response.status === 409) stopped = true
    const reason = result?.message ?? result?.errors?.[0]?.message ?? texts.save_failed
    status.textContent = texts.not_saved.replace('{reason}', reason)
  }

  /** Saves now if anything changed; saves never overlap, so each is made over the last. */
  async function save({ leaving = false } = {}) {
    clearTimeout(timer)
    while (saving) await saving
    if (stopped || !dirty()) return
    const state = snapshot()
    saving = send(state, leaving).finally(() => {
      saving = null
    })
    return saving
  }

  function changed() {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(save, DELAY_MS)
  }

  form.addEventListener('input', changed)
  form.addEventListener('change', changed)

  // Any form on the page that leaves it (test send, restore, the save button)
  // waits for the save in flight, and the other forms save the typing first.
  document.addEventListener('submit', (event) => {
    const target = event.target
    if (stopped || target.dataset.autosaved) {
      leavingBySubmit = true
      return
    }
    const pending = target === form ? saving : dirty() || saving
    if (!pending) {
      leavingBySubmit = true
      return
    }
    event.preventDefault()
    const ready = target === form ? saving : save()
    ready.finally(() => {
      leavingBySubmit = true
      target.dataset.autosaved = 'true'
      target.submit()
    })
  })

  const leave = () => {
    if (!leavingBySubmit && document.visibilityState === 'hidden') save({ leaving: true })
  }
  document.addEventListener('visibilitychange', leave)
  window.addEventListener('pagehide', () => {
    if (!leavingBySubmit) save({ leaving: true })
  })

  return { changed, save }
}
