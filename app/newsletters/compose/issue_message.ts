import { convert } from 'html-to-text'
import {
  fillTemplate,
  splitAtPlaceholders,
  type PersonalisableTemplate,
  type PlaceholderValues,
} from '#newsletters/compose/placeholders'

/** An issue made ready once for every reader: HTML and text, each cut at its placeholders. */
export type PreparedIssue = {
  subject: string
  html: PersonalisableTemplate
  text: PersonalisableTemplate
}

/**
 * Builds the plain-text part from the compiled HTML (mail programs and spam
 * filters expect both) and cuts both parts at their placeholders, so that
 * per reader nothing is left but joining strings.
 */
export function prepareIssue(subject: string, compiledHtml: string): PreparedIssue {
  const text = plainTextOf(compiledHtml)
  return { subject, html: splitAtPlaceholders(compiledHtml), text: splitAtPlaceholders(text) }
}

/** The text part of a newsletter's HTML, wrapped for mail. */
export function plainTextOf(html: string) {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      // mjml's layout tables are not data: read them as running text.
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
    ],
  })
}

/** One reader's copy. The text part is not HTML, so its values are not escaped. */
export function personalise(prepared: PreparedIssue, values: PlaceholderValues) {
  return {
    subject: prepared.subject,
    html: fillTemplate(prepared.html, values),
    text: fillTemplate(prepared.text, values, (value) => value),
  }
}
