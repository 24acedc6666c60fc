/*
 * Drag and drop with the browser's own HTML5 events rather than a library
 * such as SortableJS: the editor owns its list and redraws it from its
 * blocks, while SortableJS moves DOM nodes itself and would have to be undone
 * after every drop. Dragging is a shortcut only: every palette entry is also
 * a button and every block has Flyt op/ned, for keyboards and touch screens.
 */
import { el } from './block_editor_dom.js'

/**
 * `onDrop({ type })` for a palette entry or `onDrop({ id })` for a moved
 * block, with the position among the blocks that are not being dragged.
 */
export function enableDragAndDrop({ palette, list, onDrop }) {
  const marker = el('li', { 'class': 'drop-marker', 'aria-hidden': 'true' })
  let dragging = null

  palette.addEventListener('dragstart', (event) => {
    const item = event.target.closest?.('[data-palette-type]')
    if (!item) return
    dragging = { type: item.dataset.paletteType }
    event.dataTransfer.effectAllowed = 'copy'
    // Firefox starts a drag only when something is set.
    event.dataTransfer.setData('text/plain', item.dataset.paletteType)
  })

  list.addEventListener('dragstart', (event) => {
    const handle = event.target.closest?.('[data-drag-handle]')
    if (!handle) return
    const card = handle.closest('[data-block-id]')
    dragging = { id: card.dataset.blockId, card }
    event.dataTransfer.effectAllowed = 'move'
    event.dataTransfer.setData('text/plain', card.dataset.blockId)
    // The whole card follows the pointer, not only its handle.
    event.dataTransfer.setDragImage(card, 16, 16)
    card.classList.add('is-dragging')
  })

  const cardsBesidesDragged = () =>
    [...list.querySelectorAll(':scope > [data-block-id]')].filter((card) => card !== dragging?.card)

  /** Where a drop at this height lands: before the first card whose middle is below it. */
  const positionAt = (clientY) => {
    const cards = cardsBesidesDragged()
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect()
      return clientY < box.top + box.height / 2
    })
    return { cards, index: index === -1 ? cards.length : index }
  }

  list.addEventListener('dragover', (event) => {
    if (!dragging) return
    event.preventDefault()
    event.dataTransfer.dropEffect = dragging.type ? 'copy' : 'move'
    const { cards, index } = positionAt(event.clientY)
    const before = cards[index] ?? null
    if (marker.nextElementSibling !== before || !marker.isConnected) {
      list.insertBefore(marker, before)
    }
  })

  list.addEventListener('dragleave', (event) => {
    if (!list.contains(event.relatedTarget)) marker.remove()
  })

  list.addEventListener('drop', (event) => {
    if (!dragging) return
    event.preventDefault()
    const { index } = positionAt(event.clientY)
    const dropped = dragging
    end()
    onDrop({ type: dropped.type, id: dropped.id, index })
  })

  const end = () => {
    marker.remove()
    dragging?.card?.classList.remove('is-dragging')
    dragging = null
  }
  document.addEventListener('dragend', end)
}
