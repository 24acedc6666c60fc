import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import type { SMTPConfig } from '@adonisjs/mail/types'
import { outboxTransport } from '#shared/mail/outbox_transport'
import { dkimOptions } from '#shared/mail/dkim'
import { noDelaySocket } from '#shared/mail/socket'
import { withAssociationSender } from '#shared/mail/sender'

/*
| The outbox keeps every mail in the database, login, voting and signing links
| included, for an admin to read: a development aid, refused in production.
*/
if (app.inProduction && env.get('MAIL_MAILER') === 'outbox') {
  throw new Error(
    'MAIL_MAILER=outbox is for development only: it keeps every mail, with its login and voting links, in the database. Set MAIL_MAILER=smtp and the SMTP_* settings in production.'
  )
}

const username = env.get('SMTP_USERNAME')
const dkim = dkimOptions()

const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER'),
  // The fallback sender: each transport below puts the association's name and address in its place.
  from: {
    address: env.get('MAIL_FROM_ADDRESS'),
    name: env.get('MAIL_FROM_NAME'),
  },
  globals: {
    appUrl: env.get('APP_URL'),
  },
  mailers: {
    smtp: withAssociationSender(
      transports.smtp({
        host: env.get('SMTP_HOST') ?? '127.0.0.1',
        port: env.get('SMTP_PORT') ?? 587,
        secure: env.get('SMTP_SECURE') ?? false,
        pool: true,
        maxConnections: env.get('SMTP_POOL_SIZE') ?? 5,
        // A newsletter keeps its connections; the default closes one after 100 messages.
        maxMessages: Infinity,
        getSocket: noDelaySocket,
        ...(dkim ? { dkim } : {}),
        ...(username
          ? { auth: { type: 'login', user: username, pass: env.get('SMTP_PASSWORD') ?? '' } }
          : {}),
      } as SMTPConfig)
    ),
    outbox: withAssociationSender(outboxTransport()),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
