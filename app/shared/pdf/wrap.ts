import danish from 'hyphen/da/index.js'

/**
 * Long words in narrow columns. PDFKit cuts a word wider than its column
 * wherever the column ends, without a hyphen, so "Kontingentopkrævning"
 * becomes "Kontingentopkræ" / "vning". Here a word that cannot fit is given
 * break points before PDFKit sees it: a soft hyphen at a Danish syllable
 * boundary, which PDFKit prints as a hyphen where it breaks; an e-mail or web
 * address breaks after "@" and "/" and before ".", an IBAN between its groups
 * of four, without a hyphen that would read as part of the address.
 *
 * Only where a line must break is a break point added, so no soft hyphen is
 * ever left in the middle of a line, where a font would draw it.
 */

const SOFT_HYPHEN = '\u00AD'
const ZERO_WIDTH_SPACE = '\u200B'
const SYLLABLE = '|'

const ADDRESS = /[@/]|^www\.|\.[a-z]{2,}$/i
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/

/**
 * `text` with break points in every word wider than `width`, measured in
 * the document's current font and size, so set those first.
 */
export function breakLongWords(doc: PDFKit.PDFDocument, text: string, width: number) {
  // Most text fits its line whole, which one measurement shows.
  if (!text || width <= 0 || doc.widthOfString(text) <= width) return text
  return text.replace(/[^\s]+/g, (word) =>
    doc.widthOfString(word) <= width ? word : breakWord(doc, word, width)
  )
}

function breakWord(doc: PDFKit.PDFDocument, word: string, width: number) {
  if (IBAN.test(word)) return (word.match(/.{1,4}/g) ?? [word]).join(ZERO_WIDTH_SPACE)
  if (ADDRESS.test(word)) return lines(doc, addressPieces(word), width, ZERO_WIDTH_SPACE)
  return lines(doc, syllables(word), width, SOFT_HYPHEN)
}

/** A word's syllables by the Danish hyphenation patterns; a part with a hyphen of its own ends after it. */
function syllables(word: string) {
  return danish
    .hyphenateSync(word, { hyphenChar: SYLLABLE })
    .split(/(?<=-)|\|/)
    .filter(Boolean)
}

/** An address split after "@" and "/" and before "." and "-". */
function addressPieces(address: string) {
  return address.split(/(?<=[@/])|(?=[.-])/).filter(Boolean)
}

/**
 * Joins pieces greedily into lines no wider than `width` (with the hyphen a
 * break adds), the breaks marked with `mark`; a piece wider than a line on
 * its own is cut between letters, still marked.
 */
function lines(doc: PDFKit.PDFDocument, pieces: string[], width: number, mark: string) {
  // PDFKit measures a soft hyphen's own glyph as well as the hyphen it prints in its place.
  const extra = mark === SOFT_HYPHEN ? doc.widthOfString(`${SOFT_HYPHEN}-`) : 0
  const fits = (text: string, last: boolean) =>
    doc.widthOfString(text) + (last ? 0 : extra) <= width
  const all = pieces.flatMap((part) => (fits(part, false) ? [part] : letters(part, fits)))
  const result: string[] = []
  let line = ''
  all.forEach((piece, index) => {
    // The word's last line needs no hyphen, so it may take a little more.
    if (line && !fits(line + piece, index === all.length - 1)) {
      result.push(line)
      line = ''
    }
    line += piece
  })
  if (line) result.push(line)
  // A piece ending in its own hyphen breaks there already.
  return result
    .map((part, index) => (index < result.length - 1 && !part.endsWith('-') ? part + mark : part))
    .join('')
}

function letters(piece: string, fits: (text: string, last: boolean) => boolean) {
  const parts: string[] = []
  let part = ''
  for (const letter of piece) {
    if (part && !fits(part + letter, false)) {
      parts.push(part)
      part = ''
    }
    part += letter
  }
  if (part) parts.push(part)
  return parts
}
