/**
 * The structure tree that makes a Kreds PDF readable by a screen reader and
 * reflowable (PDF/UA, and the "a" in PDF/A-3a): every piece of the body is a
 * heading, paragraph, list or table cell, in the order it is drawn, which is
 * the order it is read; rules, shading and page footers are artifacts a reader
 * skips.
 *
 * PDFKit closes every open marked-content sequence when a new one with an id
 * starts, so content elements never nest: a `group` holds other elements, a
 * `content` element holds what its callback paints, and an `artifact` is drawn
 * outside any content element.
 */

type Element = PDFKit.PDFStructureElement

export type TagOptions = {
  /** Whose heading a table heading cell is (PDF's Table attribute Scope). */
  scope?: 'Row' | 'Column' | 'Both'
  alt?: string
  lang?: string
}

type Tagging = {
  stack: Element[]
  /** Pages that received body content; a page without any is never left in the file. */
  bodyPages: Set<unknown>
}

const taggings = new WeakMap<PDFKit.PDFDocument, Tagging>()

/** Opens the tree's root, a Document element, that everything drawn after it belongs to. */
export function startStructure(doc: PDFKit.PDFDocument) {
  const root = doc.struct('Document')
  doc.addStructure(root)
  taggings.set(doc, { stack: [root], bodyPages: new Set() })
}

function parentOf(doc: PDFKit.PDFDocument) {
  return taggings.get(doc)?.stack.at(-1)
}

function element(doc: PDFKit.PDFDocument, type: string, options: TagOptions) {
  // PDFKit's types leave out `scope`, which its structure elements accept.
  return doc.struct(type, options as PDFKit.Mixins.StructureElementOptions)
}

/** An element that holds other elements: Sect, Div, Table, TR, L, LI, LBody. */
export function group<T>(
  doc: PDFKit.PDFDocument,
  type: string,
  draw: () => T,
  options: TagOptions = {}
): T {
  const tagging = taggings.get(doc)
  const parent = parentOf(doc)
  if (!tagging || !parent) return draw()
  const child = element(doc, type, options)
  parent.add(child)
  tagging.stack.push(child)
  try {
    return draw()
  } finally {
    tagging.stack.pop()
    child.end()
  }
}

/**
 * An element whose content is what `draw` paints: H1–H4, P, TH, TD, Lbl,
 * Link. Text that flows onto the next page stays in the same element.
 */
export function content<T>(
  doc: PDFKit.PDFDocument,
  type: string,
  draw: () => T,
  options: TagOptions = {}
): T {
  const tagging = taggings.get(doc)
  const parent = parentOf(doc)
  if (!tagging || !parent) return draw()
  const child = element(doc, type, options)
  parent.add(child)
  let result: T | undefined
  tagging.bodyPages.add(doc.page)
  child.add(() => {
    result = draw()
    // Text that ran onto a new page put body content there too.
    tagging.bodyPages.add(doc.page)
  })
  child.end()
  return result as T
}

/** Decoration a reader skips: rules, shading, bars, and the repeated page furniture. */
export function artifact<T>(
  doc: PDFKit.PDFDocument,
  draw: () => T,
  type: 'Pagination' | 'Layout' = 'Layout'
): T {
  if (!parentOf(doc)) return draw()
  doc.markContent('Artifact', { type })
  try {
    return draw()
  } finally {
    doc.endMarkedContent()
  }
}

/** Whether anything of the body (not only artifacts) is on the current page. */
export function pageHasBody(doc: PDFKit.PDFDocument) {
  const tagging = taggings.get(doc)
  return !tagging || tagging.bodyPages.has(doc.page)
}

/** The parts of PDFKit's document that hold its pages; not in its public types. */
type PageBuffer = {
  _pageBuffer: { dictionary: object; end(): void }[]
  _root: { data: { Pages: { data: { Kids: object[]; Count: number } } } }
}

/**
 * Takes out every page that got no body content, such as the one PDFKit
 * starts when a text's last line ends exactly at the bottom margin, so no
 * page carries only a footer. Call it before numbering the pages. The page's
 * objects are still written, unreferenced, as PDFKit has already numbered them.
 */
export function dropPagesWithoutBody(doc: PDFKit.PDFDocument) {
  const tagging = taggings.get(doc)
  if (!tagging) return
  const pdf = doc as unknown as PageBuffer
  const pages = pdf._pageBuffer
  const empty = pages.filter((page) => !tagging.bodyPages.has(page))
  if (empty.length === 0 || empty.length === pages.length) return
  const tree = pdf._root.data.Pages.data
  for (const page of empty) {
    pages.splice(pages.indexOf(page), 1)
    tree.Kids.splice(tree.Kids.indexOf(page.dictionary), 1)
    tree.Count--
    page.end()
  }
}
