import { defineConfig } from '@adonisjs/shield'

export default defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@viteUrl'],
      // Vite injects styles in development.
      styleSrc: [`'self'`, `'unsafe-inline'`, '@viteUrl'],
      imgSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, 'ws:', 'wss:'],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // RFC 8058: mail programs POST the one-click unsubscribe with no form and no token.
    // The embedded subscribe form is framed on other sites, where it gets no session cookie.
    exceptRoutes: (ctx) =>
      ctx.request.method() === 'POST' &&
      (ctx.route?.pattern === '/u/:token' ||
        ctx.route?.pattern === '/nyhedsbrev/:slug/indlejret' ||
        // Posted by mail servers, authenticated by a shared secret instead of a session.
        ctx.route?.pattern === '/webhooks/mail-events'),
    enableXsrfCookie: false,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})
