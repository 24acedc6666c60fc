import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import type {
  PersonalisableTemplate,
  Placeholder,
  PlaceholderValues,
} from '#newsletters/compose/placeholders'
import { escapeHtml } from '#newsletters/compose/placeholders'

const require = createRequire(import.meta.url)
// nodemailer's own encoders: the same bytes its composer would write, made once per issue.
const qp = require('nodemailer/lib/qp') as {
  encode(input: string | Buffer): string
  wrap(input: string, lineLength?: number): string
}
const mimeFuncs = require('nodemailer/lib/mime-funcs') as {
  encodeWord(value: string, mimeType?: 'Q' | 'B', maxLength?: number): string
}

const CRLF = '\r\n'
const SOFT_BREAK = '=\r\n'

/** What every reader's message shares; per reader only addresses, ids and placeholders change. */
export type WireParts = {
  from: { address: string; name: string }
  replyTo: { address: string; name: string } | null
  subject: string
  listId: string
  html: PersonalisableTemplate
  text: PersonalisableTemplate
}

/** One reader's share of a message: what the headers and the placeholders say for them. */
export type WireReader = {
  to: { address: string; name: string | null }
  messageId: string
  listUnsubscribe: string
  values: PlaceholderValues
}

/** An issue's message with holes, encoded once: per reader the holes are filled and joined. */
export type WireTemplate = {
  head: Buffer
  textPieces: Buffer[]
  textNames: Placeholder[]
  middle: Buffer
  htmlPieces: Buffer[]
  htmlNames: Placeholder[]
  tail: Buffer
}

/**
 * Builds the MIME message of an issue once: the shared headers, the
 * multipart/alternative frame and both bodies quoted-printable encoded with
 * a soft line break at every placeholder. A reader's message is then the
 * pieces joined with that reader's encoded values: no composer, no
 * re-encoding of the body per reader.
 */
export function buildWireTemplate(parts: WireParts): WireTemplate {
  const boundary = `----kreds-${randomBytes(12).toString('hex')}`
  const shared = [
    `From: ${formatAddress(parts.from.address, parts.from.name)}`,
    ...(parts.replyTo
      ? [`Reply-To: ${formatAddress(parts.replyTo.address, parts.replyTo.name)}`]
      : []),
    `Subject: ${encodeHeaderText(parts.subject)}`,
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    `List-Id: ${encodeHeaderText(parts.listId)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
  ]
  const part = (type: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '',
    ].join(CRLF)
  return {
    head: Buffer.from(shared.join(CRLF) + CRLF + CRLF + part('text/plain')),
    textPieces: parts.text.pieces.map(encodeBodyPiece),
    textNames: parts.text.names,
    middle: Buffer.from(CRLF + part('text/html')),
    htmlPieces: parts.html.pieces.map(encodeBodyPiece),
    htmlNames: parts.html.names,
    tail: Buffer.from(`${CRLF}--${boundary}--${CRLF}`),
  }
}

/** One reader's whole message, as the bytes that go on the wire. */
export function wireMessage(template: WireTemplate, reader: WireReader, date = mailDate()) {
  const headers =
    `To: ${formatAddress(reader.to.address, reader.to.name)}${CRLF}` +
    `Date: ${date}${CRLF}` +
    `Message-ID: ${reader.messageId}${CRLF}` +
    `List-Unsubscribe: ${foldList(reader.listUnsubscribe)}${CRLF}`
  const chunks: Buffer[] = [Buffer.from(headers), template.head]
  const textValues = new Map<Placeholder, Buffer>()
  const htmlValues = new Map<Placeholder, Buffer>()
  fill(chunks, template.textPieces, template.textNames, (name) => {
    let encoded = textValues.get(name)
    if (!encoded) textValues.set(name, (encoded = encodeValue(reader.values[name] ?? '')))
    return encoded
  })
  chunks.push(template.middle)
  fill(chunks, template.htmlPieces, template.htmlNames, (name) => {
    let encoded = htmlValues.get(name)
    if (!encoded)
      htmlValues.set(name, (encoded = encodeValue(escapeHtml(reader.values[name] ?? ''))))
    return encoded
  })
  chunks.push(template.tail)
  return Buffer.concat(chunks)
}

function fill(
  chunks: Buffer[],
  pieces: Buffer[],
  names: Placeholder[],
  valueOf: (name: Placeholder) => Buffer
) {
  chunks.push(pieces[0])
  for (const [index, name] of names.entries()) chunks.push(valueOf(name), pieces[index + 1])
}

/**
 * Each piece ends in a soft line break, so pieces and values encoded on
 * their own join into valid quoted-printable whatever their lengths.
 */
function encodeBodyPiece(piece: string) {
  if (piece === '') return Buffer.alloc(0)
  return Buffer.from(qp.wrap(qp.encode(piece.replace(/\r?\n/g, CRLF)), 76) + SOFT_BREAK)
}

const PLAIN_VALUE = /^[\x21-\x3c\x3e-\x7e]{1,73}$/

function encodeValue(value: string) {
  if (value === '') return Buffer.alloc(0)
  // Most values are short ASCII links: nothing to encode.
  if (PLAIN_VALUE.test(value)) return Buffer.from(value + SOFT_BREAK)
  return Buffer.from(qp.wrap(qp.encode(value), 76) + SOFT_BREAK)
}

const ATOM_TEXT = /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]*$/

/** `Name <address>`: the name as is, quoted, or as RFC 2047 words when it is not ASCII. */
export function formatAddress(address: string, name: string | null) {
  const clean = (name ?? '').replace(/[\r\n]+/g, ' ').trim()
  if (!clean) return `<${address}>`
  return `${encodeDisplayName(clean)} <${address}>`
}

function encodeDisplayName(name: string) {
  if (name.length <= 50 && ATOM_TEXT.test(name)) return name
  if (name.length <= 50 && /^[\x20-\x7e]*$/.test(name))
    return `"${name.replace(/(["\\])/g, '\\$1')}"`
  return encodedWords(name)
}

function encodeHeaderText(value: string) {
  const clean = value.replace(/[\r\n]+/g, ' ')
  return /^[\x20-\x7e]*$/.test(clean) && clean.length <= 60 ? clean : encodedWords(clean)
}

/** RFC 2047 words, one per header line, so no line grows past 78 characters. */
function encodedWords(value: string) {
  return mimeFuncs.encodeWord(value, 'Q', 52).replace(/\?= =\?/g, `?=${CRLF} =?`)
}

/** Header lines should stay under 78 characters: break a list of `<…>` after its commas. */
function foldList(value: string) {
  return value.replace(/,\s*/g, `,${CRLF} `)
}

let cachedSecond = 0
let cachedDate = ''

/** RFC 5322 date, made once a second rather than once a message. */
export function mailDate(now = Date.now()) {
  const second = Math.floor(now / 1000)
  if (second !== cachedSecond) {
    cachedSecond = second
    cachedDate = new Date(second * 1000).toUTCString().replace(/GMT$/, '+0000')
  }
  return cachedDate
}
