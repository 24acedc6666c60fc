import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { SMTPServer } from 'smtp-server'

export type MailSink = {
  port: number
  /** The recipient of every message accepted, in order; a copy sent twice is here twice. */
  recipients: string[]
  /** Each message as it arrived, when the sink was asked to keep them. */
  raws: Buffer[]
  /** Copies accepted more than once for the same recipient. */
  duplicates(): number
  /** Forgets what was accepted, between two measurements. */
  reset(): void
  waitUntil(condition: () => boolean, timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/**
 * An SMTP server on loopback for other processes (workers) to send to:
 * it accepts, notes the recipient and drops the body. `delayMs` holds each
 * message a while, as a busy relay does, so a test can act mid-send.
 */
export async function startMailSink(
  options: { delayMs?: number; keep?: boolean } = {}
): Promise<MailSink> {
  const recipients: string[] = []
  const raws: Buffer[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => options.keep && chunks.push(chunk))
      stream.on('end', () => {
        if (options.keep) raws.push(Buffer.concat(chunks))
        const accept = () => {
          for (const rcpt of session.envelope.rcptTo) recipients.push(rcpt.address.toLowerCase())
          callback()
        }
        // Even a zero timer costs a millisecond a message: answer at once unless asked to wait.
        if (options.delayMs) setTimeout(accept, options.delayMs)
        else accept()
      })
    },
  })
  // A worker killed mid-message resets its connections; that is the point, not an error.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    recipients,
    raws,
    duplicates: () => recipients.length - new Set(recipients).size,
    reset: () => {
      recipients.length = 0
      raws.length = 0
    },
    async waitUntil(condition, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (!condition()) {
        if (Date.now() > deadline)
          throw new Error(`Gave up waiting after ${timeoutMs} ms (${recipients.length} received)`)
        await sleep(50)
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
