import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import mail from '@adonisjs/mail/services/main'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'

export type MailCatcher = {
  port: number
  messages: ParsedMail[]
  /** The bytes of each message as they arrived, in the order of `messages`. */
  raws: Buffer[]
  /** The SMTP envelope sender (MAIL FROM) of each message, in the same order. */
  senders: string[]
  /** Resolves with the first message that matches, waiting for it to arrive. */
  waitFor(predicate?: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  stop(): Promise<void>
}

/**
 * A real SMTP server on a free loopback port. The app's `smtp` mailer is
 * pointed at it, so what is tested is the message as it crossed the wire.
 */
export async function startMailCatcher(
  options: {
    /** An SMTP reply code to refuse a recipient with, as a real server would; null accepts. */
    refuseRecipient?: (address: string) => number | null
    /** Signing options for the app's mailer, as config/mail.ts gives it from DKIM_*. */
    dkim?: object | null
  } = {}
): Promise<MailCatcher> {
  const messages: ParsedMail[] = []
  const raws: Buffer[] = []
  const senders: string[] = []
  const waiters: (() => void)[] = []

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuseRecipient?.(address.address.toLowerCase()) ?? null
      if (code === null) return callback()
      const error = new Error(`${code} Mailbox unavailable: ${address.address}`)
      ;(error as Error & { responseCode: number }).responseCode = code
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      new Promise<Buffer>((resolve, reject) => {
        stream.on('end', () => resolve(Buffer.concat(chunks)))
        stream.on('error', reject)
      })
        .then(async (raw) => {
          const parsed = await simpleParser(raw)
          raws.push(raw)
          senders.push(session.envelope.mailFrom ? session.envelope.mailFrom.address : '')
          messages.push(parsed)
          waiters.splice(0).forEach((wake) => wake())
          callback()
        })
        .catch(callback)
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port

  const mailers = mail.config.mailers as Record<string, () => unknown>
  const original = mailers.smtp
  mailers.smtp = () =>
    new SMTPTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      ...(options.dkim ? { dkim: options.dkim } : {}),
    } as ConstructorParameters<typeof SMTPTransport>[0])
  await mail.close('smtp')

  return {
    port,
    messages,
    raws,
    senders,
    async waitFor(predicate = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      while (true) {
        const found = messages.find(predicate)
        if (found) return found
        const remaining = deadline - Date.now()
        if (remaining <= 0)
          throw new Error(
            `No matching mail arrived within ${timeoutMs} ms (${messages.length} received)`
          )
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
    async stop() {
      await mail.close('smtp')
      mailers.smtp = original
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Everyone the message was addressed to, as one lower-case string. */
export function recipientsOf(message: ParsedMail) {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : []
  return to.map((address) => address.text.toLowerCase()).join(', ')
}

/** The first link in a message's text part that starts with the given path. */
export function findLink(message: ParsedMail, pathPrefix: string) {
  const text = `${message.text ?? ''}\n${typeof message.html === 'string' ? message.html : ''}`
  const match = text.match(
    // The text part wraps links in brackets: "Del [https://…]".
    new RegExp(`https?://[^\\s"'<>\\]]*${pathPrefix.replace(/\//g, '\\/')}[^\\s"'<>\\]]*`)
  )
  if (!match) throw new Error(`No link to ${pathPrefix} in the message "${message.subject}"`)
  return new URL(match[0])
}
