import { parseDocument, DomUtils } from 'htmlparser2'
import type { AnyNode, Document, Element } from 'domhandler'

export type { Element } from 'domhandler'

/**
 * The compiled HTML as a tree. htmlparser2 is what mjml itself parses with
 * (through cheerio), so both read the markup the same way; mso conditional
 * comments stay comments, which is right: they only matter to Outlook.
 */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true })
}

export function elementsNamed(root: { children: AnyNode[] }, ...names: string[]) {
  return DomUtils.findAll(
    (element) => names.includes(element.name.toLowerCase()),
    root.children
  ) as Element[]
}

export function textOf(node: AnyNode | AnyNode[]) {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim()
}

export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && DomUtils.isTag(node)
}

/** The element and its ancestors, nearest first. */
export function* selfAndAncestors(node: AnyNode): Generator<Element> {
  for (let current: AnyNode | null = node; current; current = current.parent) {
    if (isElement(current)) yield current
  }
}

/** Inline `style` declarations, last one winning as in a browser; names lower-cased. */
export function inlineStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>()
  for (const part of (element.attribs.style ?? '').split(';')) {
    const colon = part.indexOf(':')
    if (colon === -1) continue
    const name = part.slice(0, colon).trim().toLowerCase()
    const value = part
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
    if (name && value) declarations.set(name, value)
  }
  return declarations
}

/** Hidden text (mjml's preheader, say) is neither read nor seen: no contrast to check. */
export function isHidden(element: Element) {
  for (const ancestor of selfAndAncestors(element)) {
    const style = inlineStyle(ancestor)
    if (style.get('display') === 'none' || style.get('visibility') === 'hidden') return true
    if (['head', 'style', 'script', 'title'].includes(ancestor.name)) return true
  }
  return false
}

/** Text nodes with letters in them, each with the element that holds it. */
export function textRuns(root: Document) {
  const runs: { element: Element; text: string }[] = []
  const visit = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (DomUtils.isText(node)) {
        const text = node.data.replace(/\s+/g, ' ').trim()
        if (/[\p{L}\p{N}]/u.test(text) && isElement(node.parent))
          runs.push({ element: node.parent, text })
      } else if (isElement(node) && !['style', 'script', 'head', 'title'].includes(node.name)) {
        visit(node.children)
      }
    }
  }
  visit(root.children)
  return runs
}
