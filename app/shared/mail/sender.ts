import { configProvider } from '@adonisjs/core'
import type { ConfigProvider } from '@adonisjs/core/types'
import env from '#start/env'

export type MailAddress = { address: string; name: string }

/** The association's profile as far as the sender of its mail is concerned. */
type SenderSettings = { name: string; email: string | null }

/**
 * Who every mail Kreds sends comes from: the association, by its name and
 * e-mail address from the settings, so readers see who writes to them.
 * MAIL_FROM_SOURCE=config keeps MAIL_FROM_ADDRESS and MAIL_FROM_NAME
 * instead, for a mail server that may only send from its own domain (the
 * association's domain must let the server send for it: SPF and DKIM,
 * or DMARC will reject the mail).
 */
export function associationSender(settings: SenderSettings): MailAddress {
  const configured = { address: env.get('MAIL_FROM_ADDRESS'), name: env.get('MAIL_FROM_NAME') }
  if (env.get('MAIL_FROM_SOURCE', 'association') === 'config') return configured
  return {
    address: settings.email?.trim() || configured.address,
    name: settings.name.trim() || configured.name,
  }
}

/**
 * The SMTP envelope sender (and Sender header) when From is the
 * association's own address: bounces still reach the address the server
 * sends as, and receivers see who sent on the association's behalf.
 */
export function envelopeSender(from: MailAddress): string | null {
  const own = env.get('MAIL_FROM_ADDRESS')
  return from.address.toLowerCase() === own.toLowerCase() ? null : own
}

/** Whether a message's From is the configured default, i.e. nobody chose a sender for it. */
export function isDefaultSender(from: unknown) {
  if (!from || typeof from !== 'object')
    return typeof from === 'string' && from === env.get('MAIL_FROM_ADDRESS')
  const { address, name } = from as Partial<MailAddress>
  return address === env.get('MAIL_FROM_ADDRESS') && (name ?? '') === env.get('MAIL_FROM_NAME')
}

type Transport = { send(message: any, config?: unknown): Promise<unknown> }

/**
 * Gives a mailer's transport the association as sender for every message
 * that kept the configured default: system mails (login links, invoices,
 * notices) need not each look the sender up. Messages sent as prepared
 * bytes (newsletters) carry their own From. The settings are read per
 * message, so a changed name shows at once, in every process.
 */
export function withAssociationSender<T extends Transport>(
  transport: ConfigProvider<() => T> | (() => T),
  settingsOf: () => Promise<SenderSettings> = defaultSettings
): ConfigProvider<() => T> {
  return configProvider.create(async (app) => {
    const factory = typeof transport === 'function' ? transport : await transport.resolver(app)
    return () => withSender(factory(), settingsOf)
  })
}

/** One transport instance with the association put in as sender (see above). */
export function withSender<T extends Transport>(
  transport: T,
  settingsOf: () => Promise<SenderSettings> = defaultSettings
): T {
  const send = transport.send.bind(transport)
  // Patched on the instance, so `instanceof` checks on the transport still hold.
  transport.send = async (message: Record<string, unknown>, config?: unknown) => {
    if (!message.raw && isDefaultSender(message.from)) {
      const from = associationSender(await settingsOf())
      message.from = from
      const sender = envelopeSender(from)
      if (sender && !message.sender) message.sender = sender
      if (sender && !message.envelope)
        message.envelope = { from: sender, to: recipientsOf(message) }
    }
    return send(message, config)
  }
  return transport
}

async function defaultSettings(): Promise<SenderSettings> {
  // Imported when first needed: config files load before the database is set up.
  const { getAssociationSettings } = await import('#association/queries/get_association_settings')
  return getAssociationSettings()
}

/** Every address a message goes to, as nodemailer's envelope wants them. */
function recipientsOf(message: Record<string, unknown>) {
  return (['to', 'cc', 'bcc'] as const).flatMap((field) => {
    const value = message[field]
    const list = Array.isArray(value) ? value : value ? [value] : []
    return list.map((entry) => (typeof entry === 'string' ? entry : (entry as MailAddress).address))
  })
}
