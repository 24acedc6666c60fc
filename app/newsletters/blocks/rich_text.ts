import sanitizeHtml from 'sanitize-html'
import { PLACEHOLDERS } from '#newsletters/compose/placeholders'

/**
 * What a text in a block may hold: paragraphs, line breaks, bold, italic,
 * links and lists, as the rich-text editor writes them. Everything else
 * (styles, scripts, images, iframes, event attributes) is dropped, so a
 * pasted web page cannot carry markup into the issue or break its MJML.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href'] },
  // Hrefs are judged by isSafeHref below; sanitize-html keeps relative ones, which are not safe in mail.
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    b: 'strong',
    i: 'em',
    // A link that is not safe loses its link, not its words: span is not allowed, so only the text stays.
    a: (_tag, attribs): sanitizeHtml.Tag =>
      isSafeHref(attribs.href ?? '')
        ? { tagName: 'a', attribs: { href: attribs.href } }
        : { tagName: 'span', attribs: {} as sanitizeHtml.Attributes },
  },
  disallowedTagsMode: 'discard',
  parser: { lowerCaseTags: true },
}

/** The allowed markup of a text; idempotent, so a stored text passes unchanged. */
export function sanitizeRichText(html: string): string {
  // A line break in HTML text is a space; keeping each text on one line keeps the MJML readable back.
  return sanitizeHtml(html, OPTIONS)
    .replaceAll(/\s*\n\s*/g, ' ')
    .trim()
}

const PLACEHOLDER_HREF = new RegExp(`^\\{\\{ (${PLACEHOLDERS.join('|')}) \\}\\}$`)

/** A link a reader can follow from their mail: http(s), mailto, or one of the reader's own links. */
export function isSafeHref(href: string) {
  if (PLACEHOLDER_HREF.test(href)) return true
  try {
    const url = new URL(href)
    if (url.protocol === 'mailto:') return href.length > 'mailto:'.length
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** Text for an element's content: the characters that are markup become entities. */
export function escapeText(text: string) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** Reads back what escapeText or the house escapeHtml (attribute values) wrote. */
export function unescapeMarkup(value: string) {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}
