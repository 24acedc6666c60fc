import { formatDateTime } from '#shared/formatting'
import { DateTime } from 'luxon'
import {
  SPACER_SIZES,
  type ArticleBlock,
  type BlockContent,
  type ColumnItem,
  type EventBlock,
  type ImageContent,
  type LinkContent,
} from '#newsletters/blocks/block_types'
import { escapeText as text } from '#newsletters/blocks/rich_text'
// Attribute values as every placeholder value is escaped: quotes too, so none can end the attribute.
import { escapeHtml as attr } from '#newsletters/compose/placeholders'
import { DANISH_ZONE } from '#shared/danish_time'

const MUTED = '#5b6474'
const RULE = '#c9ced8'

const INDENT = '    '

/**
 * The MJML of one block: always one mj-section marked with the block's
 * type, so the visual view can find it again in the stored issue. The
 * layout is fixed here, which is what keeps every visual issue compiling.
 */
export function renderBlock(block: BlockContent): string {
  if (block.type === 'raw') return block.mjml
  if (block.type === 'columns') {
    const columns = block.columns.map(
      (items) =>
        `  <mj-column>\n${items.map((item) => INDENT + renderItem(item)).join('\n')}\n  </mj-column>`
    )
    return section('columns', columns.join('\n'))
  }
  if (block.type === 'quote') {
    return section('quote', column(innerOf(block), ' mj-class="kb-quote"'))
  }
  return section(block.type, column(innerOf(block)))
}

/** The stored sections of a visual issue: its blocks one after another. */
export function renderBlocks(blocks: BlockContent[]): string {
  return blocks.map(renderBlock).join('\n')
}

function section(type: string, body: string) {
  return `<mj-section css-class="kb-${type}">\n${body}\n</mj-section>`
}

function column(lines: string[], attributes = '') {
  return `  <mj-column${attributes}>\n${lines.map((line) => INDENT + line).join('\n')}\n  </mj-column>`
}

function innerOf(block: Exclude<BlockContent, { type: 'raw' | 'columns' }>): string[] {
  switch (block.type) {
    case 'heading':
    case 'text':
    case 'image':
    case 'button':
      return [renderItem(block)]
    case 'divider':
      return [`<mj-divider border-width="1px" border-color="${RULE}" />`]
    case 'spacer':
      return [`<mj-spacer height="${SPACER_SIZES[block.size]}px" />`]
    case 'quote':
      return [
        `<mj-text font-size="18px" font-style="italic">${block.html}</mj-text>`,
        `<mj-text font-size="14px" color="${MUTED}">— ${text(block.by)}</mj-text>`,
      ]
    case 'social':
      return [
        '<mj-social mode="horizontal" icon-size="28px">',
        ...block.links.map(
          (link) =>
            `  <mj-social-element name="${link.network === 'web' ? 'web' : `${link.network}-noshare`}" href="${attr(link.href)}">${text(SOCIAL_LABELS[link.network])}</mj-social-element>`
        ),
        '</mj-social>',
      ]
    case 'article':
      return articleLines(block)
    case 'event':
      return eventLines(block)
  }
}

export const SOCIAL_LABELS = {
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  web: 'Hjemmeside',
} as const

/** The elements a column of a row can hold, on one line each. */
export function renderItem(item: ColumnItem): string {
  switch (item.type) {
    case 'heading':
      return headingLine(item.text, item.level)
    case 'text':
      return `<mj-text>${item.html}</mj-text>`
    case 'image':
      return imageLine(item)
    case 'button':
      return buttonLine(item)
  }
}

function headingLine(value: string, level: 2 | 3) {
  const size = level === 2 ? '24px' : '20px'
  return `<mj-text font-size="${size}" font-weight="bold" line-height="1.3"><h${level} style="margin:0;font-size:inherit">${text(value)}</h${level}></mj-text>`
}

function imageLine(image: ImageContent | Omit<ImageContent, 'href'>) {
  const href = 'href' in image && image.href ? ` href="${attr(image.href)}"` : ''
  return `<mj-image src="${attr(image.src)}" alt="${attr(image.alt)}"${href} />`
}

function buttonLine(link: LinkContent) {
  // The colour comes from the house template's kb-button class: the association's own.
  return `<mj-button mj-class="kb-button" href="${attr(link.href)}">${text(link.label)}</mj-button>`
}

function articleLines(block: ArticleBlock) {
  return [
    ...(block.image ? [imageLine(block.image)] : []),
    headingLine(block.heading, 3),
    `<mj-text>${block.html}</mj-text>`,
    ...(block.link ? [buttonLine(block.link)] : []),
  ]
}

/** The date is shown in Danish and kept machine-readable in a time element, which is how it is read back. */
function eventLines(block: EventBlock) {
  const when = DateTime.fromISO(block.startsAt, { zone: DANISH_ZONE })
  return [
    headingLine(block.title, 3),
    `<mj-text><strong>Tid:</strong> <time datetime="${attr(block.startsAt)}">${text(formatDateTime(when))}</time><br /><strong>Sted:</strong> ${text(block.place)}</mj-text>`,
    ...(block.html ? [`<mj-text>${block.html}</mj-text>`] : []),
    ...(block.link ? [buttonLine(block.link)] : []),
  ]
}
