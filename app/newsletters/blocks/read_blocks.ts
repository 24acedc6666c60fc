import {
  SOCIAL_NETWORKS,
  SPACER_SIZES,
  type BlockContent,
  type ColumnItem,
  type LinkContent,
  type SocialNetwork,
  type SpacerSize,
} from '#newsletters/blocks/block_types'
import { cutIntoPieces } from '#newsletters/blocks/split_sections'
import { renderBlock } from '#newsletters/blocks/render_blocks'
import { unescapeMarkup as plain } from '#newsletters/blocks/rich_text'

/**
 * An issue's sections as the visual view shows them. A piece becomes a
 * typed block only when rendering that block gives the piece back byte for
 * byte; anything else is a locked raw block holding the piece as written.
 * So reading and rendering again always returns the stored MJML unchanged.
 */
export function readBlocks(sections: string): BlockContent[] {
  const pieces = cutIntoPieces(sections)
  if (pieces === null) return [{ type: 'raw', mjml: sections }]
  return pieces.map((piece) => {
    const block = recognise(piece)
    return block && renderBlock(block) === piece ? block : { type: 'raw', mjml: piece }
  })
}

const SECTION = /^<mj-section css-class="kb-([a-z]+)">\n([\s\S]*)\n<\/mj-section>$/
const COLUMN = /^ {2}<mj-column(?: [^>]*)?>\n([\s\S]*?)\n {2}<\/mj-column>$/
const COLUMNS = / {2}<mj-column>\n([\s\S]*?)\n {2}<\/mj-column>/g

function recognise(piece: string): BlockContent | null {
  const section = SECTION.exec(piece)
  if (!section) return null
  const [, type, body] = section
  if (type === 'columns') {
    const columns = [...body.matchAll(COLUMNS)].map((match) => linesOf(match[1]).map(readItem))
    if (columns.some((items) => items.some((item) => item === null))) return null
    return { type: 'columns', columns: columns as ColumnItem[][] }
  }
  const column = COLUMN.exec(body)
  if (!column) return null
  return readTyped(type, linesOf(column[1]))
}

function linesOf(body: string) {
  return body.split('\n').map((line) => line.replace(/^ {4}/, ''))
}

function readTyped(type: string, lines: string[]): BlockContent | null {
  switch (type) {
    case 'heading':
    case 'text':
    case 'image':
    case 'button': {
      const item = lines.length === 1 ? readItem(lines[0]) : null
      return item?.type === type ? item : null
    }
    case 'divider':
      return { type: 'divider' }
    case 'spacer': {
      const height = /^<mj-spacer height="(\d+)px" \/>$/.exec(lines[0] ?? '')?.[1]
      const size = Object.entries(SPACER_SIZES).find(([, px]) => String(px) === height)?.[0]
      return size ? { type: 'spacer', size: size as SpacerSize } : null
    }
    case 'quote': {
      const quote = /^<mj-text font-size="18px" font-style="italic">(.*)<\/mj-text>$/.exec(lines[0])
      const by = /^<mj-text font-size="14px" color="#5b6474">— (.*)<\/mj-text>$/.exec(
        lines[1] ?? ''
      )
      return quote && by ? { type: 'quote', html: quote[1], by: plain(by[1]) } : null
    }
    case 'social':
      return readSocial(lines)
    case 'article':
      return readArticle(lines)
    case 'event':
      return readEvent(lines)
  }
  return null
}

const HEADING =
  /^<mj-text font-size="(?:24|20)px" font-weight="bold" line-height="1.3"><h([23]) style="margin:0;font-size:inherit">(.*)<\/h\1><\/mj-text>$/
const TEXT = /^<mj-text>(.*)<\/mj-text>$/
const IMAGE = /^<mj-image src="([^"]*)" alt="([^"]*)"(?: href="([^"]*)")? \/>$/
const BUTTON = /^<mj-button mj-class="kb-button" href="([^"]*)">(.*)<\/mj-button>$/

function readItem(line: string): ColumnItem | null {
  const heading = HEADING.exec(line)
  if (heading)
    return { type: 'heading', level: Number(heading[1]) as 2 | 3, text: plain(heading[2]) }
  const image = IMAGE.exec(line)
  if (image) {
    return {
      type: 'image',
      src: plain(image[1]),
      alt: plain(image[2]),
      href: image[3] ? plain(image[3]) : null,
    }
  }
  const button = readButton(line)
  if (button) return { type: 'button', ...button }
  const text = TEXT.exec(line)
  return text ? { type: 'text', html: text[1] } : null
}

function readButton(line: string | undefined): LinkContent | null {
  const button = BUTTON.exec(line ?? '')
  return button ? { href: plain(button[1]), label: plain(button[2]) } : null
}

function readSocial(lines: string[]): BlockContent | null {
  const links = lines.slice(1, -1).map((line) => {
    const match = /^ {2}<mj-social-element name="([a-z]+)(?:-noshare)?" href="([^"]*)">/.exec(line)
    return match && (SOCIAL_NETWORKS as readonly string[]).includes(match[1])
      ? { network: match[1] as SocialNetwork, href: plain(match[2]) }
      : null
  })
  if (links.some((link) => link === null)) return null
  return { type: 'social', links: links as Array<{ network: SocialNetwork; href: string }> }
}

function readArticle(lines: string[]): BlockContent | null {
  const rest = [...lines]
  const image = IMAGE.exec(rest[0] ?? '') ? readItem(rest.shift()!) : null
  const heading = HEADING.exec(rest.shift() ?? '')
  const text = TEXT.exec(rest.shift() ?? '')
  const link = rest.length ? readButton(rest.shift()) : null
  if (!heading || !text || rest.length) return null
  return {
    type: 'article',
    image: image?.type === 'image' ? { src: image.src, alt: image.alt } : null,
    heading: plain(heading[2]),
    html: text[1],
    link,
  }
}

const WHEN_AND_WHERE =
  /^<mj-text><strong>Tid:<\/strong> <time datetime="([^"]*)">.*<\/time><br \/><strong>Sted:<\/strong> (.*)<\/mj-text>$/

function readEvent(lines: string[]): BlockContent | null {
  const [headingLine, whenLine, ...rest] = lines
  const heading = HEADING.exec(headingLine ?? '')
  const when = WHEN_AND_WHERE.exec(whenLine ?? '')
  if (!heading || !when) return null
  const link = rest.length ? readButton(rest.at(-1)) : null
  const texts = link ? rest.slice(0, -1) : rest
  const text = texts.length === 1 ? TEXT.exec(texts[0]) : null
  if (texts.length > 1 || (texts.length === 1 && !text)) return null
  return {
    type: 'event',
    title: plain(heading[2]),
    startsAt: plain(when[1]),
    place: plain(when[2]),
    html: text ? text[1] : '',
    link,
  }
}
