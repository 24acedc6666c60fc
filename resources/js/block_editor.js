/*
 * The composer's visual view (issue_form in visual mode). It edits the list
 * of blocks in the hidden `blocks` field, which the form saves. Each block
 * keeps `origin`, where it came from in the stored issue, and becomes
 * `edited` only when the person changes one of its fields: the server holds
 * every other block to its stored MJML, and locked `raw` blocks (MJML the
 * visual view cannot show) can be moved or deleted, never edited.
 */
import { button, el, moveItem, uid } from './block_editor_dom.js'
import { newBlock, readBlocks, typeKey } from './block_editor_blocks.js'
import { buildFields } from './block_editor_forms.js'
import { enableDragAndDrop } from './block_editor_dnd.js'
import { createPreview } from './block_editor_preview.js'
import { createImagePicker } from './block_editor_media.js'
import { mountBlockSaves } from './block_editor_saves.js'

/** Texts are the lang files' raw messages: `{name}` is filled in, ICU quoting undone. */
function translator(texts) {
  return (key, values = {}) =>
    (texts[key] ?? key)
      .replaceAll(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
      .replaceAll(/'([{}][^']*)'/g, '$1')
}

export function mountBlockEditor(root) {
  const form = root.closest('form')
  const field = root.querySelector('[data-blocks-field]')
  const list = root.querySelector('[data-block-list]')
  const palette = root.querySelector('.palette-list')
  const status = root.querySelector('[data-block-status]')
  const empty = root.querySelector('[data-block-empty]')
  const t = translator(JSON.parse(root.dataset.texts))
  const preview = createPreview(root, { form, field, t })
  const pickImage = createImagePicker(root, t)

  /** The blocks in order, each with an id of the page's own for its card. */
  const entries = readBlocks(field.value).map((block) => ({ id: uid('block'), block }))
  const cards = new Map()

  // Enter in a block's field must not save the issue halfway through a sentence.
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches('input:not([type="button"])')) {
      event.preventDefault()
    }
  })

  const write = () => {
    field.value = JSON.stringify(entries.map((entry) => entry.block))
  }
  const autosave = mountBlockSaves(form, { entries: () => entries, write })

  function sync() {
    write()
    preview.schedule()
    autosave.changed()
  }

  const typeName = (block) => t(`types.${typeKey(block)}`)

  function card(entry) {
    const { block } = entry
    const titleId = `${entry.id}-title`
    const owned = []
    const ctx = {
      t,
      pickImage,
      track: (editor) => owned.push(editor),
      changed: () => {
        block.edited = true
        sync()
      },
    }
    const tools = [
      button(t('move_up'), { 'data-action': 'up', 'aria-describedby': titleId }),
      button(t('move_down'), { 'data-action': 'down', 'aria-describedby': titleId }),
      button(t('delete'), { 'data-action': 'delete', 'aria-describedby': titleId }),
    ]
    const locked = block.type === 'raw'
    const title = el('h3', { class: 'block-title', id: titleId, tabindex: '-1' })
    const item = el(
      'li',
      {
        'class': `block-card${locked ? ' is-locked' : ''}`,
        'data-block-id': entry.id,
        'data-block-type': typeKey(block),
      },
      [
        el('div', { class: 'block-head' }, [
          el('span', {
            'class': 'drag-handle',
            'draggable': 'true',
            'data-drag-handle': true,
            'title': t('drag'),
            'aria-hidden': 'true',
          }),
          title,
          el('div', { class: 'block-tools' }, tools),
        ]),
        el('div', { 'class': 'block-body', 'role': 'group', 'aria-labelledby': titleId }, [
          buildFields(block, ctx),
        ]),
      ]
    )
    item.destroy = () => owned.forEach((editor) => editor.destroy())
    return item
  }

  /** Puts the cards in the blocks' order, numbered, with moves that cannot happen disabled. */
  function arrange() {
    entries.forEach((entry, index) => {
      let item = cards.get(entry.id)
      if (!item) {
        item = card(entry)
        cards.set(entry.id, item)
      }
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] ?? null)
      const locked = entry.block.type === 'raw' ? ` · ${t('locked_title')}` : ''
      item.querySelector('.block-title').textContent =
        t('block_title', { position: index + 1, type: typeName(entry.block) }) + locked
      item.querySelector('[data-action="up"]').disabled = index === 0
      item.querySelector('[data-action="down"]').disabled = index === entries.length - 1
    })
    empty.hidden = entries.length > 0
  }

  const announce = (text) => {
    status.textContent = text
  }

  function add(type, index = entries.length) {
    const entry = { id: uid('block'), block: newBlock(type) }
    entries.splice(index, 0, entry)
    arrange()
    sync()
    announce(t('added', { type: typeName(entry.block), position: index + 1 }))
    const item = cards.get(entry.id)
    const first = item.querySelector(
      '.block-body input, .block-body select, .block-body [contenteditable]'
    )
    ;(first ?? item.querySelector('.block-title')).focus()
  }

  function move(id, to, focusAction = null) {
    const from = entries.findIndex((entry) => entry.id === id)
    if (!moveItem(entries, from, to)) return
    arrange()
    sync()
    announce(t('moved', { position: to + 1, count: entries.length }))
    if (!focusAction) return
    // Moving the card took focus away; give it back, to the other button at either end.
    const item = cards.get(id)
    const other = focusAction === 'up' ? 'down' : 'up'
    const target =
      item.querySelector(`[data-action="${focusAction}"]:not(:disabled)`) ??
      item.querySelector(`[data-action="${other}"]`)
    target.focus()
  }

  function remove(id) {
    const index = entries.findIndex((entry) => entry.id === id)
    const [entry] = entries.splice(index, 1)
    const item = cards.get(id)
    item.destroy()
    item.remove()
    cards.delete(id)
    arrange()
    sync()
    announce(t('deleted', { type: typeName(entry.block) }))
    const next = entries[Math.min(index, entries.length - 1)]
    const target = next
      ? cards.get(next.id).querySelector('.block-title')
      : palette.querySelector('button')
    target.focus()
  }

  palette.addEventListener('click', (event) => {
    const control = event.target.closest('[data-add]')
    if (control) add(control.dataset.add)
  })
  list.addEventListener('click', (event) => {
    const control = event.target.closest('[data-action]')
    const item = control?.closest('[data-block-id]')
    // Column items have their own tools, handled where they are drawn.
    if (!item || control.closest('.block-tools')?.parentElement?.parentElement !== item) return
    const id = item.dataset.blockId
    const index = entries.findIndex((entry) => entry.id === id)
    const action = control.dataset.action
    if (action === 'delete') remove(id)
    else move(id, action === 'up' ? index - 1 : index + 1, action)
  })
  enableDragAndDrop({
    palette,
    list,
    onDrop: ({ type, id, index }) => (type ? add(type, index) : move(id, index)),
  })

  arrange()
}
