/*
 * The rich-text fields of the visual editor: TipTap (MIT) with only what the
 * server keeps (app/newsletters/blocks/rich_text.ts): paragraphs, line breaks,
 * bold, italic, lists and links. Offering more would let people format text
 * that the save then strips.
 */
import { Editor } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import Bold from '@tiptap/extension-bold'
import Italic from '@tiptap/extension-italic'
import HardBreak from '@tiptap/extension-hard-break'
import Link from '@tiptap/extension-link'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { UndoRedo } from '@tiptap/extensions'
import { button, el, uid } from './block_editor_dom.js'

const PLACEHOLDERS = [
  'first_name',
  'share_url',
  'forward_url',
  'unsubscribe_url',
  'preferences_url',
  'web_url',
]

/** The server's rule (isSafeHref): http(s) with a host name, mailto, or a reader's link. */
export function isSafeHref(href) {
  if (PLACEHOLDERS.some((name) => href === `{{ ${name} }}`)) return true
  try {
    const url = new URL(href)
    if (url.protocol === 'mailto:') return href.length > 'mailto:'.length
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

const COMMANDS = [
  { key: 'bold', mark: 'bold', run: (chain) => chain.toggleBold() },
  { key: 'italic', mark: 'italic', run: (chain) => chain.toggleItalic() },
  { key: 'bullet_list', mark: 'bulletList', run: (chain) => chain.toggleBulletList() },
  { key: 'ordered_list', mark: 'orderedList', run: (chain) => chain.toggleOrderedList() },
]

/**
 * A labelled rich-text field. `onChange` hears the HTML after each change the
 * person makes; loading the stored text is not a change, so TipTap's own way
 * of writing HTML never touches a block nobody edited.
 */
export function richTextField({ label, html, onChange, t }) {
  const labelId = uid('rich')
  const host = el('div', { class: 'rich-text-host' })
  const toolbar = el('div', {
    'class': 'rich-toolbar',
    'role': 'group',
    'aria-label': t('rich.toolbar', { field: label.toLowerCase() }),
  })
  const linkRow = el('div', { class: 'rich-link-row', hidden: true })
  const labelElement = el('span', { class: 'rich-label', id: labelId, text: label })
  const field = el('div', { class: 'field rich-text' }, [labelElement, toolbar, host, linkRow])

  const editor = new Editor({
    element: host,
    content: html || '',
    // Its stylesheet would be an inline <style>; app.css carries the few rules needed.
    injectCSS: false,
    extensions: [
      Document,
      Paragraph,
      Text,
      Bold,
      Italic,
      HardBreak,
      BulletList,
      OrderedList,
      ListItem,
      UndoRedo,
      Link.configure({
        openOnClick: false,
        autolink: false,
        // The server keeps href only: no target or rel to lose on the way.
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => isSafeHref(String(url).trim()),
      }),
    ],
    editorProps: {
      attributes: {
        'class': 'rich-text-area',
        'role': 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
      },
    },
    onUpdate: ({ editor: changed }) => onChange(changed.isEmpty ? '' : changed.getHTML()),
  })
  // A span label does not focus its field by itself.
  labelElement.addEventListener('click', () => editor.commands.focus())

  const toggles = COMMANDS.map((command) => {
    const control = button(t(`rich.${command.key}`), {
      'aria-pressed': 'false',
      'data-command': command.key,
    })
    // A mouse click keeps the caret in the text, so typing goes on in bold at once.
    control.addEventListener('mousedown', (event) => event.preventDefault())
    control.addEventListener('click', () => command.run(editor.chain().focus()).run())
    toolbar.append(control)
    return { command, control }
  })
  const linkButton = button(t('rich.link'), { 'aria-expanded': 'false' })
  toolbar.append(linkButton)
  buildLinkRow({ editor, linkRow, linkButton, t })

  editor.on('transaction', () => {
    for (const { command, control } of toggles) {
      control.setAttribute('aria-pressed', String(editor.isActive(command.mark)))
    }
  })
  return { field, destroy: () => editor.destroy() }
}

/** Link editing in the page, not a prompt(): labelled, keyboard friendly, checked like the server. */
function buildLinkRow({ editor, linkRow, linkButton, t }) {
  const inputId = uid('link')
  const errorId = `${inputId}-error`
  const input = el('input', {
    'id': inputId,
    'type': 'text',
    'inputmode': 'url',
    'aria-describedby': errorId,
  })
  const error = el('p', { class: 'field-error', id: errorId })
  const apply = button(t('rich.link_apply'))
  const remove = button(t('rich.link_remove'))
  const cancel = button(t('rich.link_cancel'))
  linkRow.append(
    el('div', { class: 'field' }, [
      el('label', { for: inputId, text: t('rich.link_address') }),
      input,
    ]),
    el('div', { class: 'actions' }, [apply, remove, cancel]),
    error
  )
  const close = () => {
    linkRow.hidden = true
    linkButton.setAttribute('aria-expanded', 'false')
    error.textContent = ''
    editor.commands.focus()
  }
  linkButton.addEventListener('click', () => {
    const open = linkRow.hidden
    linkRow.hidden = !open
    linkButton.setAttribute('aria-expanded', String(open))
    if (!open) return
    input.value = editor.getAttributes('link').href ?? ''
    input.focus()
  })
  const applyLink = () => {
    const href = input.value.trim()
    if (!isSafeHref(href)) {
      error.textContent = t('rich.link_invalid')
      input.focus()
      return
    }
    const chain = editor.chain().focus().extendMarkRange('link')
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address becomes the link's words.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
    } else {
      chain.setLink({ href })
    }
    chain.run()
    close()
  }
  apply.addEventListener('click', applyLink)
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') applyLink()
    if (event.key === 'Escape') close()
  })
  remove.addEventListener('click', () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    close()
  })
  cancel.addEventListener('click', close)
}
