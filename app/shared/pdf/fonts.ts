import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

/**
 * The fonts every Kreds PDF embeds. Noto Sans covers Latin Extended, Greek and
 * Cyrillic, so "Łódź" prints as written; the PDF standard Helvetica stops at
 * WinAnsi. Resolved through node_modules, so @expo-google-fonts/noto-sans must
 * stay a runtime dependency for the built app.
 */
export const FONT = { regular: 'regular', bold: 'bold' } as const

export type FontName = (typeof FONT)[keyof typeof FONT]

const resolveFile = createRequire(import.meta.url).resolve

const FONT_FILES = {
  regular: resolveFile('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: resolveFile('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
}

export type FontData = { regular: Buffer; bold: Buffer }

// Read once: a dues run renders hundreds of invoices.
let fontData: Promise<FontData> | undefined

/** The font files' bytes, read on first use and kept. */
export function loadFonts() {
  fontData ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold })
  )
  return fontData
}

/** Makes `doc.font('regular')` and `doc.font('bold')` the embedded Noto Sans. */
export function registerFonts(doc: PDFKit.PDFDocument, fonts: FontData) {
  doc.registerFont(FONT.regular, fonts.regular)
  doc.registerFont(FONT.bold, fonts.bold)
}
