/*
 * What the palette adds. A new block starts with its required texts empty:
 * the preview names what is still missing instead of publishing stand-in
 * words nobody meant to send. The shapes are app/newsletters/blocks/block_types.ts.
 */
export const COLUMN_ITEM_TYPES = ['heading', 'text', 'image', 'button']

export function newContent(type) {
  switch (type) {
    case 'heading':
      return { type: 'heading', text: '', level: 2 }
    case 'text':
      return { type: 'text', html: '' }
    case 'image':
      return { type: 'image', src: '', alt: '', href: null }
    case 'button':
      return { type: 'button', label: '', href: '' }
    case 'divider':
      return { type: 'divider' }
    case 'spacer':
      return { type: 'spacer', size: 'medium' }
    case 'quote':
      return { type: 'quote', html: '', by: '' }
    case 'article':
      return { type: 'article', image: null, heading: '', html: '', link: null }
    case 'event':
      return { type: 'event', title: '', startsAt: '', place: '', html: '', link: null }
    case 'social':
      return { type: 'social', links: [{ network: 'facebook', href: '' }] }
    case 'columns2':
    case 'columns3': {
      const count = type === 'columns2' ? 2 : 3
      return { type: 'columns', columns: Array.from({ length: count }, () => [newContent('text')]) }
    }
  }
  throw new Error(`Unknown block type ${type}`)
}

/** A block the person adds: new (no stored origin) and, being theirs, edited. */
export function newBlock(type) {
  return { ...newContent(type), origin: null, edited: true }
}

/** The palette's name for a block, so a two-column row reads as "To kolonner". */
export function typeKey(block) {
  if (block.type === 'columns') return block.columns.length === 3 ? 'columns3' : 'columns2'
  return block.type
}

/** The stored blocks as the page gave them; a field that cannot be read starts empty. */
export function readBlocks(json) {
  try {
    const value = JSON.parse(json)
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}
