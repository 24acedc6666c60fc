import type { BlockContent } from '#newsletters/blocks/block_types'

/** What a blank issue starts from: a greeting, a text to replace and the share button. */
export const STARTER_BLOCKS: BlockContent[] = [
  { type: 'heading', level: 2, text: 'Overskrift' },
  { type: 'text', html: '<p>Kære {{ first_name }}</p><p>Skriv nyhedsbrevet her.</p>' },
  { type: 'button', label: 'Del med en kollega', href: '{{ share_url }}' },
]
