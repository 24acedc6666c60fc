import env from '#start/env'
import { isIP } from 'node:net'
import type { Document } from 'domhandler'
import { elementsNamed, inlineStyle, textOf, type Element } from './html_tree.js'
import { finding, quote, type IssueCheck } from './types.js'

/**
 * Link texts that say nothing out of context: a screen reader's list of
 * links reads them alone. Compared after folding case and punctuation.
 */
const VAGUE_TEXTS = new Set([
  'klik her',
  'tryk her',
  'læs mere',
  'læs her',
  'mere',
  'her',
  'link',
  'linket',
  'click here',
  'read more',
  'here',
  'more',
])

/** A link made of one placeholder is filled per reader with a real address. */
const PLACEHOLDER_ONLY = /^\{\{\s*[A-Za-z0-9_]+\s*\}\}$/

function foldLinkText(text: string) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** What a link says: its text, or the alt text of an image inside it. */
function linkLabel(link: Element) {
  const text = textOf(link)
  if (text) return text
  return elementsNamed(link, 'img')
    .map((image) => image.attribs.alt ?? '')
    .join(' ')
    .trim()
}

/**
 * Hosts only the sender's own machine or network can reach: a reader's
 * mail program cannot, so the link is a mistake made while drafting.
 */
export function isPrivateHost(hostname: string) {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (/\.(local|internal|lan|home\.arpa)$/.test(host)) return true
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number)
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    )
  }
  if (isIP(host) === 6) {
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host)
  }
  return false
}

/**
 * Kreds' own address (APP_URL): its media, web versions and reader links are
 * served from there, and every mail's unsubscribe link already depends on it
 * being public; on a developer's machine it is local, and still Kreds' own.
 */
export function isOwnOrigin(url: URL) {
  try {
    return url.origin === new URL(env.get('APP_URL')).origin
  } catch {
    return false
  }
}

/** The blocking problem with one link's address, if any. */
export function hrefProblem(href: string | undefined) {
  const value = (href ?? '').trim()
  if (PLACEHOLDER_ONLY.test(value)) return null
  if (value === '') return 'link_empty' as const
  if (value.startsWith('#')) return 'link_fragment' as const
  // Browsers ignore tabs and newlines inside a scheme; so does this test.
  if (/^javascript:/i.test(value.replace(/[\t\n\r ]/g, ''))) return 'link_javascript' as const
  let url: URL
  try {
    url = new URL(value)
  } catch {
    // A relative address leads nowhere from a mail program.
    return 'link_relative' as const
  }
  if (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    isPrivateHost(url.hostname) &&
    !isOwnOrigin(url)
  )
    return 'link_private_host' as const
  return null
}

export function findLinkProblems(document: Document): IssueCheck[] {
  const checks: IssueCheck[] = []
  for (const link of elementsNamed(document, 'a')) {
    // mjml writes hidden links for some components; only what is shown counts.
    if (inlineStyle(link).get('display') === 'none') continue
    const label = linkLabel(link)
    const problem = hrefProblem(link.attribs.href)
    if (problem) {
      const href = quote(link.attribs.href ?? '', 80)
      checks.push(finding(problem, { text: quote(label || href), href }, quote(label || href)))
    }
    if (VAGUE_TEXTS.has(foldLinkText(label))) {
      checks.push(finding('link_text_vague', { text: quote(label) }, quote(label)))
    }
  }
  return checks
}
