import {
  SOCIAL_NETWORKS,
  SPACER_SIZES,
  type BlockContent,
  type ColumnItem,
  type EditorBlock,
  type LinkContent,
} from '#newsletters/blocks/block_types'
import { isSafeHref, sanitizeRichText } from '#newsletters/blocks/rich_text'

/** A visual issue's size limits: a newsletter, not a book. */
export const BLOCK_LIMITS = { blocks: 200, text: 20_000, line: 300, columnItems: 10 }

/** Why the editor's blocks were refused, with the block (1-based) and field it concerns. */
export type BlockProblem = { block: number; field: string; code: BlockProblemCode }
export type BlockProblemCode =
  | 'not_json'
  | 'too_many'
  | 'unknown_type'
  | 'required'
  | 'too_long'
  | 'unsafe_link'
  | 'image_source'
  | 'invalid'

type Field = Record<string, unknown>

/**
 * The blocks the visual editor posted, checked field by field: known types,
 * required texts, lengths, links a reader can follow, images from http(s).
 * Rich texts come back sanitised. A wrong block is named, not repaired.
 */
export function parseEditorBlocks(
  json: string
): { blocks: EditorBlock[] } | { problem: BlockProblem } {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { problem: { block: 0, field: 'blocks', code: 'not_json' } }
  }
  if (!Array.isArray(value)) return { problem: { block: 0, field: 'blocks', code: 'not_json' } }
  if (value.length > BLOCK_LIMITS.blocks) {
    return { problem: { block: 0, field: 'blocks', code: 'too_many' } }
  }
  const blocks: EditorBlock[] = []
  for (const [index, raw] of value.entries()) {
    const reader = new FieldReader(index + 1, raw)
    const content = reader.block()
    if (!content) return { problem: reader.problem! }
    const origin = isObject(raw) && Number.isInteger(raw.origin) ? (raw.origin as number) : null
    blocks.push({ ...content, origin, edited: isObject(raw) ? raw.edited === true : true })
  }
  return { blocks }
}

function isObject(value: unknown): value is Field {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

class FieldReader {
  problem: BlockProblem | null = null

  constructor(
    private number: number,
    private value: unknown
  ) {}

  block(): BlockContent | null {
    if (!isObject(this.value)) return this.fail('type', 'invalid')
    const field = this.value
    switch (field.type) {
      case 'heading':
      case 'text':
      case 'image':
      case 'button':
        return this.item(field)
      case 'divider':
        return { type: 'divider' }
      case 'spacer':
        return field.size && Object.hasOwn(SPACER_SIZES, String(field.size))
          ? { type: 'spacer', size: field.size as keyof typeof SPACER_SIZES }
          : this.fail('size', 'invalid')
      case 'quote':
        return this.all({
          type: 'quote',
          html: this.rich(field, 'html'),
          by: this.line(field, 'by', false),
        })
      case 'social':
        return this.social(field)
      case 'article':
        return this.all({
          type: 'article',
          image:
            field.image === null || field.image === undefined
              ? null
              : this.image(field.image as Field),
          heading: this.line(field, 'heading'),
          html: this.rich(field, 'html'),
          link: this.optionalLink(field.link),
        })
      case 'event':
        return this.all({
          type: 'event',
          title: this.line(field, 'title'),
          startsAt: this.dateTime(field),
          place: this.line(field, 'place'),
          html: this.rich(field, 'html', false),
          link: this.optionalLink(field.link),
        })
      case 'columns':
        return this.columns(field)
      case 'raw':
        return typeof field.mjml === 'string'
          ? { type: 'raw', mjml: field.mjml }
          : this.fail('mjml', 'invalid')
    }
    return this.fail('type', 'unknown_type')
  }

  private item(field: Field): ColumnItem | null {
    switch (field.type) {
      case 'heading':
        return this.all({
          type: 'heading',
          level: field.level === 3 ? 3 : 2,
          text: this.line(field, 'text'),
        })
      case 'text':
        return this.all({ type: 'text', html: this.rich(field, 'html') })
      case 'image': {
        const image = this.image(field)
        return (
          image && this.all({ type: 'image', ...image, href: this.optionalHref(field, 'href') })
        )
      }
      case 'button':
        return this.all({ type: 'button', ...this.link(field) })
    }
    return this.fail('type', 'unknown_type')
  }

  private columns(field: Field): BlockContent | null {
    const columns = field.columns
    if (!Array.isArray(columns) || columns.length < 2 || columns.length > 3) {
      return this.fail('columns', 'invalid')
    }
    const read: ColumnItem[][] = []
    for (const items of columns) {
      if (!Array.isArray(items) || items.length > BLOCK_LIMITS.columnItems)
        return this.fail('columns', 'invalid')
      const column: ColumnItem[] = []
      for (const item of items) {
        const content = isObject(item) ? this.item(item) : this.fail('columns', 'invalid')
        if (!content) return null
        column.push(content)
      }
      read.push(column)
    }
    return { type: 'columns', columns: read }
  }

  private social(field: Field): BlockContent | null {
    if (!Array.isArray(field.links) || field.links.length === 0 || field.links.length > 8) {
      return this.fail('links', 'required')
    }
    const links = field.links.map((link: unknown) => {
      const entry = isObject(link) ? link : {}
      const network = SOCIAL_NETWORKS.find((name) => name === entry.network)
      return { network: network ?? this.fail('network', 'invalid'), href: this.href(entry, 'href') }
    })
    return this.all({ type: 'social', links } as BlockContent)
  }

  private image(field: Field) {
    const src = typeof field.src === 'string' ? field.src.trim() : ''
    if (!/^https?:\/\/[^\s"<>]+$/.test(src) || src.length > BLOCK_LIMITS.line * 2) {
      return this.fail('src', 'image_source')
    }
    return { src, alt: this.line(field, 'alt') }
  }

  private link(field: Field): LinkContent {
    return { label: this.line(field, 'label'), href: this.href(field, 'href') }
  }

  private optionalLink(value: unknown): LinkContent | null {
    if (value === null || value === undefined) return null
    return isObject(value) ? this.link(value) : this.fail('link', 'invalid')
  }

  private optionalHref(field: Field, name: string) {
    return field[name] === null || field[name] === undefined || field[name] === ''
      ? null
      : this.href(field, name)
  }

  private href(field: Field, name: string) {
    const href = typeof field[name] === 'string' ? (field[name] as string).trim() : ''
    if (!href) return this.fail(name, 'required') ?? ''
    if (href.length > BLOCK_LIMITS.line * 2 || !isSafeHref(href))
      return this.fail(name, 'unsafe_link') ?? ''
    return href
  }

  private line(field: Field, name: string, required = true) {
    const value =
      typeof field[name] === 'string' ? (field[name] as string).replaceAll(/\s+/g, ' ').trim() : ''
    if (!value && required) return this.fail(name, 'required') ?? ''
    if (value.length > BLOCK_LIMITS.line) return this.fail(name, 'too_long') ?? ''
    return value
  }

  private rich(field: Field, name: string, required = true) {
    const raw = typeof field[name] === 'string' ? (field[name] as string) : ''
    if (raw.length > BLOCK_LIMITS.text) return this.fail(name, 'too_long') ?? ''
    const html = sanitizeRichText(raw)
    if (!html.replaceAll(/<[^>]*>/g, '').trim() && required)
      return this.fail(name, 'required') ?? ''
    return html
  }

  private dateTime(field: Field) {
    const value = typeof field.startsAt === 'string' ? field.startsAt : ''
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
      ? value
      : (this.fail('startsAt', 'invalid') ?? '')
  }

  /** The block, unless one of its fields failed on the way. */
  private all<T>(block: T): T | null {
    return this.problem ? null : block
  }

  private fail(field: string, code: BlockProblemCode): null {
    this.problem ??= { block: this.number, field, code }
    return null
  }
}
