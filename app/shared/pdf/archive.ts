/**
 * The XMP metadata every Kreds PDF carries, which PDF/A asks to say exactly
 * what the document information dictionary says. PDFKit writes the title and
 * author into the XML unescaped (an assembly called "Vedtægter & valg" would
 * break it) and leaves out the producer, so Kreds writes that part itself,
 * with the same values as the dictionary.
 */

type Info = { Title?: string; Author?: string; Creator?: string; Producer?: string }

type MetadataWriter = {
  info: Info & { CreationDate: Date }
  appendXML(xml: string): void
  _addInfo(): void
}

function escapeXml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Replaces PDFKit's metadata writer on this document with one PDF/A accepts. */
export function writeXmpInfo(doc: PDFKit.PDFDocument) {
  const writer = doc as unknown as MetadataWriter
  writer._addInfo = function () {
    const { info } = writer
    const created = info.CreationDate.toISOString().split('.')[0] + 'Z'
    const rdf = (namespace: string, body: string) =>
      `<rdf:Description rdf:about="" ${namespace}>${body}</rdf:Description>`
    writer.appendXML(
      rdf(
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        `<xmp:CreateDate>${created}</xmp:CreateDate>` +
          `<xmp:CreatorTool>${escapeXml(info.Creator ?? '')}</xmp:CreatorTool>`
      )
    )
    writer.appendXML(
      rdf(
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
        `<pdf:Producer>${escapeXml(info.Producer ?? '')}</pdf:Producer>`
      )
    )
    const title = info.Title
      ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>`
      : ''
    const author = info.Author
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`
      : ''
    if (title || author) {
      writer.appendXML(rdf('xmlns:dc="http://purl.org/dc/elements/1.1/"', title + author))
    }
  }
}
