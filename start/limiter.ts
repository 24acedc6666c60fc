/*
| Rate limits for the public forms. Each counts per IP, and the login form
| also per address, so one attacker cannot lock out everyone.
*/
import limiter from '@adonisjs/limiter/services/main'

export const loginThrottle = limiter.define('login', (ctx) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase()
  return limiter
    .allowRequests(5)
    .every('1 minute')
    .blockFor('5 minutes')
    .usingKey(`login:${ctx.request.ip()}:${email}`)
})

export const passwordResetThrottle = limiter.define('password_reset', (ctx) => {
  return limiter.allowRequests(5).every('15 minutes').usingKey(`password_reset:${ctx.request.ip()}`)
})
