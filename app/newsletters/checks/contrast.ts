import { inlineStyle, isHidden, selfAndAncestors, textRuns, type Element } from './html_tree.js'
import type { Document } from 'domhandler'
import { finding, quote, type IssueCheck } from './types.js'

import { contrastRatio, hex, parseColour, type Rgb } from '#shared/colours'

/**
 * The colour painted behind an element: the nearest `bgcolor`,
 * `background-color` or colour in a `background` shorthand. A background
 * image or a colour we cannot read makes the result unknown (null), so no
 * warning is guessed. Mail programs show a white page under everything.
 */
function backgroundOf(element: Element): Rgb | null {
  for (const ancestor of selfAndAncestors(element)) {
    const style = inlineStyle(ancestor)
    const shorthand = style.get('background')
    if (style.has('background-image') || shorthand?.includes('url(')) return null
    const declared =
      style.get('background-color') ??
      shorthand?.split(/\s+/).find((token) => parseColour(token)) ??
      ancestor.attribs.bgcolor
    if (declared === undefined || declared === 'transparent' || declared === 'none') continue
    return parseColour(declared)
  }
  return [255, 255, 255]
}

/** The text colour is inherited from the nearest element that sets one; black otherwise. */
function colourOf(element: Element): Rgb | null {
  for (const ancestor of selfAndAncestors(element)) {
    const declared = inlineStyle(ancestor).get('color') ?? ancestor.attribs.color
    if (declared !== undefined) return parseColour(declared)
  }
  return [0, 0, 0]
}

const HEADING_SIZES: Record<string, number> = {
  h1: 32,
  h2: 24,
  h3: 18.72,
  h4: 16,
  h5: 13.28,
  h6: 10.72,
}

/** Large text in WCAG's sense: at least 24px, or at least 18.66px (14pt) and bold. */
function isLargeText(element: Element) {
  let size: number | null = null
  let bold = false
  for (const ancestor of selfAndAncestors(element)) {
    const style = inlineStyle(ancestor)
    if (size === null) {
      const declared = style.get('font-size')
      const px = declared ? /^([\d.]+)px$/.exec(declared) : null
      if (px) size = Number(px[1])
      else if (HEADING_SIZES[ancestor.name]) size = HEADING_SIZES[ancestor.name]
    }
    const weight = style.get('font-weight')
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 700) bold = true
    if (['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th'].includes(ancestor.name))
      bold = true
  }
  const px = size ?? 16
  return px >= 24 || (bold && px >= 18.66)
}

/**
 * Text whose colour stands out too little from its background: 4.5:1, or
 * 3:1 for large text (WCAG 2.1 AA, 1.4.3). One warning per pair of colours,
 * quoting the first text written in them.
 */
export function findLowContrast(document: Document): IssueCheck[] {
  const found = new Map<string, IssueCheck>()
  for (const { element, text } of textRuns(document)) {
    if (isHidden(element)) continue
    const foreground = colourOf(element)
    const background = backgroundOf(element)
    if (!foreground || !background) continue
    const large = isLargeText(element)
    const needed = large ? 3 : 4.5
    const ratio = contrastRatio(foreground, background)
    if (ratio >= needed) continue
    const key = `${hex(foreground)} ${hex(background)} ${large}`
    if (found.has(key)) continue
    found.set(
      key,
      finding(
        'low_contrast',
        {
          text: quote(text, 40),
          colour: hex(foreground),
          background: hex(background),
          // Rounded down, so a ratio just under the limit never reads as the limit itself.
          ratio: Math.floor(ratio * 10) / 10,
          needed,
        },
        quote(text, 40)
      )
    )
  }
  return [...found.values()]
}
