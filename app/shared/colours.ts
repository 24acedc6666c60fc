/**
 * Colours as mail HTML and settings write them, and WCAG 2.1 contrast between
 * two of them: the issue checks and the association's brand colour use both.
 */

export type Rgb = [number, number, number]

/** The colour names mail authors actually write; others are left unjudged rather than guessed. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  navy: '#000080',
  maroon: '#800000',
  purple: '#800080',
  teal: '#008080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
}

/** `#rgb`, `#rrggbb`, `rgb(…)`/`rgba(…)` (opaque only) or a name; null when unknown or see-through. */
export function parseColour(value: string | undefined): Rgb | null {
  if (!value) return null
  const text = value.trim().toLowerCase()
  const named = NAMED[text]
  if (named) return parseColour(named)
  let match = /^#([0-9a-f]{3})$/.exec(text)
  if (match) return [...match[1]].map((digit) => Number.parseInt(digit + digit, 16)) as Rgb
  match = /^#([0-9a-f]{6})$/.exec(text)
  if (match) return [0, 2, 4].map((at) => Number.parseInt(match![1].slice(at, at + 2), 16)) as Rgb
  const rgb = /^rgba?\(\s*(\d+)\s*[, ]\s*(\d+)\s*[, ]\s*(\d+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(
    text
  )
  if (rgb) {
    // A translucent colour depends on what lies under it: not judged.
    if (rgb[4] !== undefined && Number.parseFloat(rgb[4]) < (rgb[4].endsWith('%') ? 100 : 1))
      return null
    return [rgb[1], rgb[2], rgb[3]].map((part) => Math.min(255, Number(part))) as Rgb
  }
  return null
}

export function hex([r, g, b]: Rgb) {
  return `#${[r, g, b].map((part) => part.toString(16).padStart(2, '0')).join('')}`
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(rgb: Rgb) {
  const [r, g, b] = rgb.map((part) => {
    const c = part / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: Rgb, b: Rgb) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}
