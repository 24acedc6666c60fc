import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

/** Absolute base for links in e-mails (password reset, invitations). */
export const appUrl = env.get('APP_URL')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: false,
  // Only a proxy on this machine may say who the client is; anyone else could
  // forge X-Forwarded-For and slip past the per-IP rate limits.
  trustProxy: (address) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(address),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
