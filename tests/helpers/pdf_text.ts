import { extractText, getDocumentProxy, getMeta } from 'unpdf'

/*
 * Read back through PDF.js (by way of unpdf), so a font without a proper
 * Unicode map fails here as it would in a viewer, and no poppler is needed on
 * the machine. PDF.js takes ownership of the bytes it is given: each call
 * hands it a copy, leaving the caller's intact.
 */

/** The text a reader would copy out of a PDF, all pages joined. */
export async function pdfText(pdf: Uint8Array) {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true })
  return text
}

/** The document info dictionary (Title, Author, CreationDate as a Date, …). */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const { info } = await getMeta(new Uint8Array(pdf), { parseDates: true })
  return info
}

/** The files embedded in a PDF, by name, as a viewer's attachment panel lists and opens them. */
export async function pdfAttachments(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const listed = (await document.getAttachments()) ?? new Map()
  const files = new Map<string, Buffer>()
  for (const name of listed.keys()) {
    const content = await document.getAttachmentContent(name)
    if (content) files.set(name, Buffer.from(content))
  }
  await document.cleanup()
  return files
}
