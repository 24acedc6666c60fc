import type { Document } from 'domhandler'
import {
  fillTemplate,
  splitAtPlaceholders,
  type PlaceholderValues,
} from '#newsletters/compose/placeholders'
import { findLowContrast } from './contrast.js'
import { elementsNamed, parseHtml, selfAndAncestors, textOf, type Element } from './html_tree.js'
import { findLinkProblems, isOwnOrigin, isPrivateHost } from './links.js'
import { finding, quote, type IssueCheck } from './types.js'

export type IssueCheckInput = {
  subject: string | null
  preheader: string | null
  /** The compiled HTML, placeholders still in it. */
  html: string
  /** A reader's values to measure the size with; realistic lengths when not given. */
  reader?: PlaceholderValues
}

/** Gmail hides everything after the first 102 KB of a message's HTML behind "[Message clipped]". */
export const GMAIL_CLIP_BYTES = 102 * 1024

/** Links as long as real ones (see reader_links), so the measured size is the sent size. */
const SIZING_READER: PlaceholderValues = {
  first_name: 'Kristoffer Vestergaard',
  share_url: 'https://kreds.example.org/del/2n9c.AbCdEfGhIjKlMnOpQrStUv',
  forward_url: 'https://kreds.example.org/del/2n9c.AbCdEfGhIjKlMnOpQrStUv/videresend',
  unsubscribe_url: 'https://kreds.example.org/u/2n9c.AbCdEfGhIjKlMnOpQrStUv',
  preferences_url: 'https://kreds.example.org/u/2n9c.AbCdEfGhIjKlMnOpQrStUv',
  web_url: 'https://kreds.example.org/nyhedsbrev/udgave/1234?k=AbCdEfGhIjKlMnOpQrStUv',
}

/**
 * Every check before sending, over what will actually be sent: the HTML
 * mjml made, not the MJML. Pure: the same input gives the same findings,
 * so the composer can run it on every preview and sending on every start.
 * Blocking findings first, then warnings, each in document order.
 */
export function checkIssue(input: IssueCheckInput): IssueCheck[] {
  const document = parseHtml(input.html)
  const checks = [
    ...checkEnvelope(input),
    ...findImageProblems(document),
    ...findLinkProblems(document),
    ...findLowContrast(document),
    ...findHeadingProblems(document),
    ...checkPlaceholders(input.html),
    ...checkSize(input.html, input.reader ?? SIZING_READER),
  ]
  return [...checks.filter((check) => check.blocking), ...checks.filter((check) => !check.blocking)]
}

export function hasBlocking(checks: IssueCheck[]) {
  return checks.some((check) => check.blocking)
}

function checkEnvelope({ subject, preheader }: IssueCheckInput) {
  const checks: IssueCheck[] = []
  if (!subject?.trim()) checks.push(finding('subject_missing'))
  if (!preheader?.trim()) checks.push(finding('preheader_missing'))
  return checks
}

/**
 * Decorative images may have an empty alt, so screen readers skip them; an
 * image is decorative only when marked so: `css-class="decorative"` on the
 * mj-image (mjml puts the class on the image's cell), or
 * `role="presentation"` / `aria-hidden="true"` on an <img> written as HTML.
 * An empty alt alone is not a marking: mjml writes `alt=""` whenever the
 * author left alt out.
 */
export function isDecorative(image: Element) {
  if (image.attribs.role === 'presentation' || image.attribs['aria-hidden'] === 'true') return true
  let steps = 0
  for (const ancestor of selfAndAncestors(image)) {
    if ((ancestor.attribs.class ?? '').split(/\s+/).includes('decorative')) return true
    // The marked cell is a few levels up; further up, a class means something else.
    if (++steps > 6) break
  }
  return false
}

function imageName(src: string) {
  const path = src.split(/[?#]/)[0]
  return quote(path.slice(path.lastIndexOf('/') + 1) || src, 60)
}

function findImageProblems(document: Document) {
  const checks: IssueCheck[] = []
  for (const image of elementsNamed(document, 'img')) {
    const src = (image.attribs.src ?? '').trim()
    const name = imageName(src)
    if (!(image.attribs.alt ?? '').trim() && !isDecorative(image)) {
      checks.push(finding('image_alt_missing', { image: name }, name))
    }
    // A mail program fetches images from the reader's machine: only a full public address works.
    let absolute = false
    try {
      const url = new URL(src)
      absolute =
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        (!isPrivateHost(url.hostname) || isOwnOrigin(url))
    } catch {}
    if (!absolute)
      checks.push(finding('image_not_absolute', { image: name, src: quote(src, 80) }, name))
  }
  return checks
}

/**
 * Headings are a screen reader's table of contents: one h1 at most, and no
 * level skipped on the way down (an h3 needs an h2 before it). An h2 needs
 * no h1: a newsletter's title is often its subject and masthead.
 */
function findHeadingProblems(document: Document) {
  const checks: IssueCheck[] = []
  const seen = new Set<number>()
  let h1s = 0
  for (const heading of elementsNamed(document, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')) {
    const level = Number(heading.name.slice(1))
    const text = quote(textOf(heading))
    if (level === 1 && ++h1s === 2) checks.push(finding('heading_many_h1', { text }, text))
    if (level > 2 && !seen.has(level - 1)) {
      checks.push(finding('heading_skipped', { level, expected: level - 1, text }, text))
    }
    seen.add(level)
  }
  return checks
}

/** Readers must always find their way out, and the share link is how an issue travels. */
function checkPlaceholders(html: string) {
  const names = new Set(splitAtPlaceholders(html).names)
  const checks: IssueCheck[] = []
  if (!names.has('unsubscribe_url')) checks.push(finding('unsubscribe_missing'))
  if (!names.has('share_url')) checks.push(finding('share_missing'))
  return checks
}

function checkSize(html: string, reader: PlaceholderValues) {
  const bytes = Buffer.byteLength(fillTemplate(splitAtPlaceholders(html), reader), 'utf8')
  if (bytes <= GMAIL_CLIP_BYTES) return []
  return [finding('too_large', { size: Math.ceil(bytes / 1024), limit: GMAIL_CLIP_BYTES / 1024 })]
}
