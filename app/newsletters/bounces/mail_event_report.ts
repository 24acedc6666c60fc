import vine from '@vinejs/vine'
import { verifyBounceToken } from '#newsletters/reader_links'

export type MailEventType = 'hard' | 'soft' | 'complaint'

/** One thing a mail server said about one recipient after a message left. */
export type MailEventReport = {
  type: MailEventType
  email: string
  /** Known when the report names one of our deliveries (return path or Message-ID). */
  deliveryId: number | null
  detail: string | null
  source: 'dsn' | 'json'
}

export class UnreadableReport extends Error {}

/**
 * A report about one of our messages names one recipient (each reader gets
 * a message of their own) and is a few KB, or the size of our message when
 * the server returns it whole. Beyond these limits it is not a report.
 */
export const MAIL_EVENT_REPORT_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRecipients: 100,
}

const jsonEvent = vine.create({
  email: vine.string().trim().email().maxLength(254),
  type: vine.enum(['hard', 'soft', 'complaint'] as const),
  message_id: vine.string().trim().maxLength(300).optional(),
  detail: vine.string().trim().maxLength(500).optional(),
})

/** A provider's event: `{ email, type: hard|soft|complaint, message_id }`. */
export async function readJsonEvent(body: unknown): Promise<MailEventReport> {
  let event
  try {
    event = await jsonEvent.validate(body)
  } catch (error) {
    const messages = (error as { messages?: { field: string; message: string }[] }).messages
    throw new UnreadableReport(
      messages?.map((item) => `${item.field}: ${item.message}`).join('; ') ?? 'not an event'
    )
  }
  return {
    type: event.type,
    email: event.email.toLowerCase(),
    deliveryId: deliveryFromMessageId(event.message_id ?? ''),
    detail: event.detail ?? null,
    source: 'json',
  }
}

/**
 * A bounce as mail servers send it: an RFC 3464 delivery status
 * notification (multipart/report; report-type=delivery-status), or an
 * RFC 5965 abuse report, which is a complaint. Recipients whose Action is
 * delivered, relayed or expanded are no event.
 */
export async function readDeliveryReport(raw: Buffer): Promise<MailEventReport[]> {
  const { maxBytes, maxRecipients } = MAIL_EVENT_REPORT_LIMITS
  if (raw.length > maxBytes)
    throw new UnreadableReport(`the report is larger than ${maxBytes} bytes`)
  // Reports are 7-bit text (RFC 3464 section 2.1); latin1 keeps any stray byte as one character.
  const text = raw.toString('latin1').replace(/\r\n/g, '\n')
  const status = partBody(text, 'message/(?:global-)?delivery-status')
  const feedback = partBody(text, 'message/feedback-report')
  if (status === null && feedback === null)
    throw new UnreadableReport('no delivery-status or feedback-report part')

  const deliveryId = deliveryFromReturnPath(text) ?? deliveryFromMessageId(text)

  if (feedback !== null) {
    const fields = fieldBlocks(feedback)[0] ?? new Map<string, string>()
    const email = address(fields.get('original-rcpt-to') ?? fields.get('removal-recipient') ?? '')
    if (!email) throw new UnreadableReport('the feedback report names no recipient')
    const kind = fields.get('feedback-type') ?? 'abuse'
    return [{ type: 'complaint', email, deliveryId, detail: `feedback: ${kind}`, source: 'dsn' }]
  }

  // The first block is about the message; each further block is one recipient.
  const blocks = fieldBlocks(status!).slice(1)
  if (!blocks.length) throw new UnreadableReport('the delivery status names no recipient')
  if (blocks.length > maxRecipients) {
    throw new UnreadableReport(`the delivery status names more than ${maxRecipients} recipients`)
  }
  const reports: MailEventReport[] = []
  for (const fields of blocks) {
    const email = address(fields.get('final-recipient') ?? fields.get('original-recipient') ?? '')
    if (!email) throw new UnreadableReport('a recipient block has no Final-Recipient')
    const action = (fields.get('action') ?? '').toLowerCase()
    const code = fields.get('status') ?? ''
    if (!['failed', 'delayed'].includes(action)) continue
    const type: MailEventType = action === 'failed' && code.startsWith('5') ? 'hard' : 'soft'
    const detail = [code, fields.get('diagnostic-code')].filter(Boolean).join(' ').slice(0, 500)
    reports.push({ type, email, deliveryId, detail: detail || null, source: 'dsn' })
  }
  return reports
}

/**
 * The body of the MIME part of the given type: after its headers, up to
 * the next boundary line. Report parts are short, unencoded text. The end
 * of the part's headers is found by a plain search: as one pattern of
 * lazily repeated lines, every header line of that type that no blank line
 * followed cost the rest of the text again.
 */
function partBody(text: string, type: string) {
  const header = new RegExp(`^Content-Type:[ \\t]*${type}\\b[^\\n]*\\n`, 'im').exec(text)
  if (!header) return null
  const headerEnd = header.index + header[0].length
  // The part's other header lines end at the first empty line.
  const blank = text.startsWith('\n', headerEnd) ? headerEnd - 1 : text.indexOf('\n\n', headerEnd)
  if (blank === -1) return null
  const rest = text.slice(blank + 2)
  const end = rest.search(/^--/m)
  return end === -1 ? rest : rest.slice(0, end)
}

/** `Name: value` lines in blocks separated by blank lines; continuation lines joined. */
function fieldBlocks(text: string) {
  const blocks: Map<string, string>[] = []
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>()
    let last: string | null = null
    for (const line of chunk.split('\n')) {
      if (/^[ \t]/.test(line) && last) {
        fields.set(last, `${fields.get(last)} ${line.trim()}`)
        continue
      }
      // Only the name is matched: `\s*(.*)$` after it tried every split of
      // a long run of spaces when the line held a lone carriage return.
      const match = /^([A-Za-z0-9-]+):/.exec(line)
      if (!match) continue
      last = match[1].toLowerCase()
      if (!fields.has(last)) fields.set(last, line.slice(match[0].length).trim())
    }
    if (fields.size) blocks.push(fields)
  }
  return blocks
}

/** `rfc822; someone@example.org` or `<someone@example.org>` → the lower-cased address. */
function address(value: string) {
  const bare = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value
  const email = bare.trim().replace(/^<|>$/g, '').toLowerCase()
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null
}

function deliveryFromReturnPath(text: string) {
  const match = /bounces\+([0-9a-z]{1,12}-[0-9a-f]{16})@/i.exec(text)
  return match ? verifyBounceToken(match[1]) : null
}

/** Our Message-IDs name the delivery: `<kreds.ISSUE.DELIVERY.ATTEMPT@host>`. */
function deliveryFromMessageId(text: string) {
  const match = /<?kreds\.(\d{1,12})\.(\d{1,12})\.\d{1,4}@[^>\s]+>?/.exec(text)
  return match ? Number(match[2]) : null
}
