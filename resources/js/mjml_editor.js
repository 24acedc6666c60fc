/*
 * A code editor over the composer's MJML textarea. The textarea stays in the
 * form and is what gets submitted: the editor writes every change back into
 * it, so the page works the same without JavaScript, only plainer.
 */
import { EditorState } from '@codemirror/state'
import { EditorView, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language'
import { xml } from '@codemirror/lang-xml'
import { lintGutter, setDiagnostics } from '@codemirror/lint'

// CodeMirror styles itself through a <style> element: config/shield.ts allows inline styles.
// Should it stop, the page's nonce must reach EditorView.cspNonce.

// CodeMirror's own font and focus ring would win over app.css; these defer to the page's.
const pageLook = EditorView.theme({
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: 'inherit' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
})

export function mountMjmlEditor(textarea) {
  const label = textarea.labels[0]
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle),
        xml(),
        lintGutter(),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap]),
        pageLook,
        EditorView.editorAttributes.of({ class: 'code-editor' }),
        EditorView.contentAttributes.of({
          'aria-labelledby': label.id,
          'aria-describedby': textarea.getAttribute('aria-describedby'),
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return
          textarea.value = update.state.doc.toString()
          // Listeners on the textarea (the composer's preview) hear typing as before.
          textarea.dispatchEvent(new Event('input', { bubbles: true }))
        }),
      ],
    }),
  })
  textarea.after(view.dom)
  textarea.hidden = true
  // The label points at the hidden textarea, which can no longer take focus.
  label.addEventListener('click', () => view.focus())

  return {
    /** Marks the server's problems, `{ line, message }`, on their lines. */
    showProblems(problems) {
      const { doc } = view.state
      const diagnostics = problems.map(({ line, message }) => {
        const { from, to } = doc.line(Math.min(Math.max(line, 1), doc.lines))
        return { from, to, severity: 'error', message }
      })
      view.dispatch(setDiagnostics(view.state, diagnostics))
    },
  }
}
