import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'
import OutboxMessage from '#shared/mail/outbox_message'

type Address = string | { address: string; name?: string }

function formatAddress(address: Address | undefined) {
  if (!address) return ''
  if (typeof address === 'string') return address
  return address.name ? `${address.name} <${address.address}>` : address.address
}

/**
 * Keeps every message in the database instead of sending it, so that Kreds
 * runs without a mail server. The admin reads them on /outbox.
 */
export class OutboxTransport implements MailTransportContract {
  #json = new JSONTransport()

  async send(message: NodeMailerMessage) {
    const response = await this.#json.send(message)
    const to = ([] as Address[]).concat(
      (message.to as Address[]) ?? [],
      (message.cc as Address[]) ?? []
    )
    await OutboxMessage.create({
      messageId: response.messageId,
      fromAddress: formatAddress(message.from as Address),
      toAddresses: to.map(formatAddress).join(', '),
      subject: message.subject ?? '',
      html: typeof message.html === 'string' ? message.html : null,
      text: typeof message.text === 'string' ? message.text : null,
      headers: {
        ...(message.headers as Record<string, unknown>),
        ...(message.list ? { list: message.list } : {}),
      },
    })
    return response
  }
}

export function outboxTransport() {
  return () => new OutboxTransport()
}
