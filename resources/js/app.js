/*
 * Pages work without JavaScript; Alpine (its CSP build, so no eval) adds the
 * few things that react on the page, such as the menu on small screens.
 */
import Alpine from '@alpinejs/csp'
import { postJson } from './post_json.js'
import './send_progress.js'
import './dues_run_progress.js'
import './continue_batches.js'
import './chair_screen.js'
import './live_register.js'
import './media_upload.js'

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
 * compiles the MJML; problems appear by line, in the list and in the editor,
 * the checks before sending are redrawn and the preview is replaced. The
 * draft saves itself (composer_autosave.js) and others editing are shown.
 */
Alpine.data('composer', () => {
  // Kept out of Alpine's reactive data: CodeMirror does not work through a proxy.
  let editor = null
  let frame = null
  let checks = null
  return {
    problems: [],
    narrow: false,
    timer: null,
    init() {
      const rendered = this.$root.querySelectorAll('[data-server-problem]')
      const known = [...rendered].map((item) => ({
        line: Number(item.dataset.line),
        message: item.dataset.message,
      }))
      // Loaded on this page only: the editor weighs more than the rest of the script.
      editor = import('./mjml_editor.js').then(({ mountMjmlEditor }) => {
        const mounted = mountMjmlEditor(this.$root.body_mjml)
        mounted.showProblems(known)
        return mounted
      })
      // Loaded with the editor, on this page only.
      import('./composer_code_view.js').then((view) => {
        frame = view.previewFrame(this.$root)
        checks = view.showChecks
        view.mountAutosave(this.$root)
        view.mountPresence(this.$root)
      })
      this.$root.subject.addEventListener('input', () => this.schedule())
      this.$root.preheader.addEventListener('input', () => this.schedule())
    },
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
      const body = form.body_mjml.value
      const response = await postJson(form.dataset.previewUrl, form, {
        body_mjml: body,
        subject: form.subject.value,
        preheader: form.preheader.value,
      })
      if (!response.ok) return
      const result = await response.json()
      // Typed on meanwhile: these lines may have moved, and a newer refresh is due.
      if (form.body_mjml.value !== body) return
      const label = document.documentElement.lang === 'en' ? 'line' : 'linje'
      form.querySelectorAll('[data-server-problem]').forEach((item) => item.remove())
      this.problems = result.problems.map((problem) => ({
        text: `${label} ${problem.line}: ${problem.message}`,
      }))
      if (result.html) frame?.show(result.html)
      checks?.(form, result)
      const mounted = await editor
      mounted.showProblems(result.problems)
    },
  }
})

/*
 * The composer's visual view. Its editor, and TipTap under it, is loaded on
 * that page only: it weighs several times the rest of the script.
 */
Alpine.data('blockEditor', () => ({
  init() {
    import('./block_editor.js').then(({ mountBlockEditor }) => mountBlockEditor(this.$root))
  },
}))

window.Alpine = Alpine
Alpine.start()
