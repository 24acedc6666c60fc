/**
 * What the checks need to know about MJML 5's own elements. Kept here by
 * hand so that the well-formedness scanner stays a pure function; the
 * lists follow the components registered by the `mjml` package.
 */

/** Every element name mjml 5 knows, used to tell a misspelling from a stray closing tag. */
export const MJML_TAGS = new Set([
  'mjml',
  'mj-accordion',
  'mj-accordion-element',
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-all',
  'mj-attributes',
  'mj-body',
  'mj-breakpoint',
  'mj-button',
  'mj-carousel',
  'mj-carousel-image',
  'mj-class',
  'mj-column',
  'mj-divider',
  'mj-font',
  'mj-group',
  'mj-head',
  'mj-hero',
  'mj-html-attribute',
  'mj-html-attributes',
  'mj-image',
  'mj-include',
  'mj-navbar',
  'mj-navbar-link',
  'mj-preview',
  'mj-raw',
  'mj-section',
  'mj-selector',
  'mj-social',
  'mj-social-element',
  'mj-spacer',
  'mj-style',
  'mj-table',
  'mj-text',
  'mj-title',
  'mj-wrapper',
])

/**
 * Elements whose content mjml copies through as HTML instead of parsing it
 * as MJML, so the HTML inside them gets HTML's forgiving rules.
 */
export const CONTENT_TAGS = new Set([
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-breakpoint',
  'mj-button',
  'mj-carousel-image',
  'mj-html-attribute',
  'mj-navbar-link',
  'mj-preview',
  'mj-raw',
  'mj-social-element',
  'mj-style',
  'mj-table',
  'mj-text',
  'mj-title',
])

/**
 * Elements that never have children. Real templates leave them open
 * (`<mj-image src="…">` right before `</mj-column>`) and mjml 5 renders them
 * fine, so their closing tag is optional.
 */
export const CHILDLESS_TAGS = new Set([
  'mj-all',
  'mj-class',
  'mj-divider',
  'mj-font',
  'mj-image',
  'mj-include',
  'mj-spacer',
])

export function isMjmlName(name: string) {
  return name === 'mjml' || name.startsWith('mj-')
}
