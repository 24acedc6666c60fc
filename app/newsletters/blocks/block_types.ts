/**
 * The blocks of the visual composer. An issue is stored as MJML; the visual
 * view reads it as a list of these, each the exact MJML Kreds renders for it,
 * and anything else as a locked `raw` block kept byte for byte. So both views
 * always show the same issue, and an edit in one never loses the other's work.
 */

/** Sanitised rich text: p, br, strong, em, a (http, https, mailto or a placeholder), ul, ol, li. */
export type RichText = string

export type ImageContent = { src: string; alt: string; href: string | null }
export type LinkContent = { label: string; href: string }

export type HeadingBlock = { type: 'heading'; text: string; level: 2 | 3 }
export type TextBlock = { type: 'text'; html: RichText }
export type ImageBlock = { type: 'image' } & ImageContent
export type ButtonBlock = { type: 'button' } & LinkContent
export type DividerBlock = { type: 'divider' }
export type SpacerBlock = { type: 'spacer'; size: SpacerSize }
export type QuoteBlock = { type: 'quote'; html: RichText; by: string }
export type ArticleBlock = {
  type: 'article'
  image: Omit<ImageContent, 'href'> | null
  heading: string
  html: RichText
  link: LinkContent | null
}
export type EventBlock = {
  type: 'event'
  title: string
  /** Local Danish time, `YYYY-MM-DDTHH:mm`. */
  startsAt: string
  place: string
  html: RichText
  link: LinkContent | null
}
export type SocialBlock = { type: 'social'; links: Array<{ network: SocialNetwork; href: string }> }

/** What a column of a two- or three-column row can hold. */
export type ColumnItem = HeadingBlock | TextBlock | ImageBlock | ButtonBlock
export type ColumnsBlock = { type: 'columns'; columns: ColumnItem[][] }

/** MJML the visual view cannot show: kept exactly as written, shown locked. */
export type RawBlock = { type: 'raw'; mjml: string }

export type BlockContent =
  | HeadingBlock
  | TextBlock
  | ImageBlock
  | ButtonBlock
  | DividerBlock
  | SpacerBlock
  | QuoteBlock
  | ArticleBlock
  | EventBlock
  | SocialBlock
  | ColumnsBlock
  | RawBlock

export type BlockType = BlockContent['type']

export const SPACER_SIZES = { small: 16, medium: 32, large: 64 } as const
export type SpacerSize = keyof typeof SPACER_SIZES

export const SOCIAL_NETWORKS = ['facebook', 'linkedin', 'instagram', 'x', 'youtube', 'web'] as const
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number]

/**
 * A block as the editor holds it: `origin` is the position of the stored
 * block it came from (null for a new one) and `edited` whether the person
 * changed it; the server holds every unedited block to its stored MJML.
 */
export type EditorBlock = BlockContent & { origin: number | null; edited: boolean }
