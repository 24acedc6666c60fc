/** A page's HTML with runs of white space folded to one space, as a reader sees the text. */
export function foldSpace(html: string) {
  return html.replace(/\s+/g, ' ')
}
