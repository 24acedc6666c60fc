import { formatDateTime } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import { COLOR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace, rule } from '#shared/pdf/page_frame'
import { content, group } from '#shared/pdf/tags'
import { drawHeading } from '#shared/pdf/text'
import type { MinutesDocument } from '#assemblies/documents/assembly_documents'

/**
 * The end of the minutes: who signed, when and how, and the seal that binds
 * the signatures to the text: its SHA-256 printed, the signed text itself
 * attached to the PDF, so anyone holding the file can check one against the
 * other without Kreds.
 */

type Role = MinutesDocument['signatures'][number]['role']
type Method = NonNullable<MinutesDocument['signatures'][number]['method']>

const LABELS = {
  signatures: 'Underskrifter',
  signed: (dateTime: string) => `Underskrevet digitalt ${dateTime}`,
  method: { login: 'med eget login', link: 'med personligt link' } satisfies Record<Method, string>,
  unsigned: 'Ikke underskrevet',
  seal: 'Indholdets SHA-256',
  sealHint: (file: string) =>
    `Underskrifterne gælder præcis den tekst, der er vedhæftet denne PDF som ${file}. ` +
    'Beregn dens SHA-256 (fx sha256sum) og sammenlign med tallet ovenfor; ' +
    'foreningen kan også kontrollere versionen i Kreds.',
  attachment: 'Den underskrevne tekst af referatet',
}

const ROLES: Role[] = ['dirigent', 'referent']

/** The name the signed text has inside the PDF. */
export function signedTextFileName(version: number) {
  return `referat-v${version}.json`
}

/**
 * The dirigent's and referent's signatures side by side, kept on one page:
 * the name, when and how it was signed, or an empty line marked "Ikke underskrevet".
 */
export function drawSignatures(
  doc: PDFKit.PDFDocument,
  document: MinutesDocument,
  roleLabels: Record<Role, string>
) {
  const gap = 30
  const width = (CONTENT_WIDTH - gap) / 2
  doc.moveDown(1.5)
  drawHeading(doc, LABELS.signatures, { keepWith: 90 })
  const top = doc.y + 10

  let bottom = top
  // Side by side on paper, one after the other to a reader: the dirigent's, then the referent's.
  ROLES.forEach((role, index) =>
    group(doc, 'Div', () => {
      const x = MARGIN.left + index * (width + gap)
      const signature = document.signatures.find((candidate) => candidate.role === role)
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.muted)
      content(doc, 'P', () => doc.text(roleLabels[role], x, top, { width }))
      // The signature line: the signer's name on it once signed, left empty until then.
      const line = doc.y + 32
      if (signature) {
        doc.font(FONT.bold).fontSize(12).fillColor(COLOR.text)
        const nameY = line - doc.currentLineHeight(true) - 2
        content(doc, 'P', () => doc.text(signature.name, x, nameY, { width }))
      }
      rule(doc, x, line, width, COLOR.text)
      let y = line + 4
      const expected = role === 'dirigent' ? document.dirigent : document.referent
      if (!signature && expected) {
        doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
        content(doc, 'P', () => doc.text(expected, x, y, { width }))
        y = doc.y + 1
      }
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
      const status = signature
        ? [LABELS.signed(formatDateTime(signature.signedAt)), signature.method]
            .map((part) => (part === 'login' || part === 'link' ? LABELS.method[part] : part))
            .filter(Boolean)
            .join(' ')
        : LABELS.unsigned
      content(doc, 'P', () => doc.text(status, x, y, { width }))
      bottom = Math.max(bottom, doc.y)
    })
  )
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
  doc.y = bottom
}

/** The hash under the signatures, on one line a reader can copy, with how to check it. */
export function drawSeal(doc: PDFKit.PDFDocument, document: MinutesDocument) {
  if (!document.seal) return
  const x = MARGIN.left
  doc.font(FONT.regular).fontSize(SIZE.small)
  const hint = LABELS.sealHint(signedTextFileName(document.version))
  const height =
    3 * doc.currentLineHeight(true) + doc.heightOfString(hint, { width: CONTENT_WIDTH })
  let y = ensureSpace(doc, doc.y + 16, height)
  doc.font(FONT.bold).fillColor(COLOR.muted)
  content(doc, 'P', () => doc.text(LABELS.seal, x, y, { width: CONTENT_WIDTH }))
  y = doc.y + 1
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
  const hash = document.seal.hash
  content(doc, 'P', () => doc.text(hash, x, y, { width: CONTENT_WIDTH }))
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
  content(doc, 'P', () => doc.text(hint, x, doc.y + 2, { width: CONTENT_WIDTH }))
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
}

/**
 * The signed text as a file inside the PDF. Dated by the minutes, not the
 * clock, so the same version still renders to the same bytes.
 */
export function attachSignedText(doc: PDFKit.PDFDocument, document: MinutesDocument, at: Date) {
  if (!document.seal) return
  doc.file(Buffer.from(document.seal.signedText, 'utf8'), {
    name: signedTextFileName(document.version),
    type: 'application/json',
    description: LABELS.attachment,
    creationDate: at,
    modifiedDate: at,
    // PDF/A-3 names how an attachment relates to the document: the text the signatures sign.
    relationship: 'Source',
    // PDFKit reads `relationship`, which its types leave out.
  } as PDFKit.Mixins.PDFAttachmentOptions)
}
