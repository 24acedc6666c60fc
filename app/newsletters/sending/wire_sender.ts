import mail from '@adonisjs/mail/services/main'
import type { NodeMailerMessage } from '@adonisjs/mail/types'
import { personalise } from '#newsletters/compose/issue_message'
import { OutboxTransport } from '#shared/mail/outbox_transport'
import {
  listHeaders,
  messageIdFor,
  readerValues,
  readerWireMessage,
  returnPathFor,
  type IssueEnvelope,
  type WireRecipient,
} from '#newsletters/sending/reader_copy'

/**
 * Hands one reader's copy to the mailer. Over SMTP it goes as the prepared
 * bytes through the mailer's pooled connections, with the delivery's own
 * return path; the outbox (development) keeps it as fields an admin can read.
 */
export async function sendReaderCopy(envelope: IssueEnvelope, reader: WireRecipient) {
  const mailer = mail.use()
  if (mailer.transport instanceof OutboxTransport) return keepInOutbox(envelope, reader)
  const message = {
    envelope: { from: returnPathFor(envelope, reader.deliveryId), to: [reader.email] },
    raw: readerWireMessage(envelope, reader),
    // The id the raw message carries; given here, the mailer does not make a random one per copy.
    messageId: messageIdFor(envelope, reader.deliveryId, reader.attempt),
  }
  await mailer.transport.send(message as NodeMailerMessage)
}

async function keepInOutbox(envelope: IssueEnvelope, reader: WireRecipient) {
  const copy = personalise(envelope.prepared, readerValues(reader, envelope.issueId))
  await mail.send((message) => {
    message
      .from(envelope.from.address, envelope.from.name)
      .to(reader.email, reader.name ?? undefined)
      .subject(copy.subject)
      .html(copy.html)
      .text(copy.text)
      .messageId(messageIdFor(envelope, reader.deliveryId, reader.attempt))
    if (envelope.replyTo) message.replyTo(envelope.replyTo.address, envelope.replyTo.name)
    for (const [key, value] of Object.entries(listHeaders(envelope, reader.subscriberId)))
      message.header(key, value)
  })
}
