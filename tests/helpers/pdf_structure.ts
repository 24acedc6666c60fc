import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/*
 * A PDF's structure and standards markers as poppler and qpdf read them:
 * `pdfinfo -struct-text` prints the structure tree with the text of each
 * element, so a test can check what a screen reader is given, in order;
 * qpdf's JSON gives the catalog and the objects it points to; pdffonts lists
 * every font a page uses and whether it is embedded.
 */

const run = promisify(execFile)

async function withFile<T>(pdf: Uint8Array, use: (path: string) => Promise<T>) {
  const folder = await mkdtemp(join(tmpdir(), 'kreds-pdf-'))
  try {
    const path = join(folder, 'document.pdf')
    await writeFile(path, pdf)
    return await use(path)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function tool(name: string, args: string[], pdf: Uint8Array) {
  return withFile(pdf, async (path) => {
    const { stdout } = await run(name, [...args, path], { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  })
}

/** `pdfinfo`'s fields: Title, Tagged, Pages, PDF version, … */
export async function pdfinfoFields(pdf: Uint8Array) {
  const fields = new Map<string, string>()
  for (const line of (await tool('pdfinfo', [], pdf)).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) fields.set(match[1], match[2])
  }
  return fields
}

export type StructNode = {
  type: string
  attributes: string[]
  text: string
  children: StructNode[]
}

/** The structure tree, each element with its attributes and the text it holds. */
export async function structureTree(pdf: Uint8Array): Promise<StructNode[]> {
  const lines = (await tool('pdfinfo', ['-struct-text'], pdf)).split('\n').filter(Boolean)
  const roots: StructNode[] = []
  const stack: { depth: number; node: StructNode }[] = []
  for (const line of lines) {
    const depth = line.length - line.trimStart().length
    const body = line.trim()
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop()
    const parent = stack.at(-1)?.node
    if (body.startsWith('"')) {
      if (parent) parent.text += body.slice(1, -1)
      continue
    }
    if (body.startsWith('/')) {
      parent?.attributes.push(body)
      continue
    }
    const node: StructNode = {
      type: body.split(/[\s:(]/)[0],
      attributes: [],
      text: '',
      children: [],
    }
    if (parent) parent.children.push(node)
    else roots.push(node)
    stack.push({ depth, node })
  }
  return roots
}

/** Every element, depth first: the order a screen reader reads them in. */
export function flatten(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)])
}

/** All the text an element and its descendants hold. */
export function textOf(node: StructNode): string {
  return node.text + node.children.map(textOf).join('')
}

type QpdfObjects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>

/** The PDF's objects as qpdf reads them, with a resolver for references ("12 0 R"). */
export async function pdfObjects(pdf: Uint8Array) {
  const json = JSON.parse(await tool('qpdf', ['--json=2', '--json-key=qpdf'], pdf))
  const objects = json.qpdf[1] as QpdfObjects
  const resolve = (value: unknown): any => {
    if (typeof value === 'string' && / \d+ R$/.test(value)) {
      const object = objects[`obj:${value}`]
      return object?.value ?? object?.stream?.dict
    }
    return value
  }
  const trailer = objects.trailer.value as Record<string, unknown>
  return { trailer, catalog: resolve(trailer['/Root']), resolve }
}

/** Every font the pages use, with whether it is embedded (pdffonts' "emb" column). */
export async function pdfFonts(pdf: Uint8Array) {
  const lines = (await tool('pdffonts', [], pdf)).split('\n').slice(2).filter(Boolean)
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/)
    // name, type words…, encoding, emb, sub, uni, object, id: the flags count from the end.
    return { name: columns[0], embedded: columns.at(-5) === 'yes' }
  })
}

/** The XMP metadata packet, which PDFKit writes uncompressed. */
export function xmpPacket(pdf: Uint8Array) {
  const text = Buffer.from(pdf).toString('latin1')
  const start = text.indexOf('<x:xmpmeta')
  const end = text.indexOf('</x:xmpmeta>')
  if (start < 0 || end < 0) return null
  return Buffer.from(text.slice(start, end + '</x:xmpmeta>'.length), 'latin1').toString('utf8')
}
