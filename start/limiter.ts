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

/** Asking for reset links: each one sends a mail. */
export const passwordResetThrottle = limiter.define('password_reset', (ctx) => {
  return limiter.allowRequests(5).every('15 minutes').usingKey(`password_reset:${ctx.request.ip()}`)
})

/** Submitting a new password from a link: guards against guessing tokens. */
export const newPasswordThrottle = limiter.define('new_password', (ctx) => {
  return limiter.allowRequests(10).every('15 minutes').usingKey(`new_password:${ctx.request.ip()}`)
})

/** Portal login links, per address so one inbox is not flooded… */
export const memberLinkAddressThrottle = limiter.define('member_link_address', (ctx) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase()
  return limiter.allowRequests(3).every('15 minutes').usingKey(`member_link:address:${email}`)
})

/** …and per IP, so one client cannot walk through many addresses. */
export const memberLinkIpThrottle = limiter.define('member_link_ip', (ctx) => {
  return limiter
    .allowRequests(10)
    .every('15 minutes')
    .usingKey(`member_link:ip:${ctx.request.ip()}`)
})

/** The public membership application: a handful per IP an hour is plenty. */
export const applicationThrottle = limiter.define('membership_application', (ctx) => {
  return limiter.allowRequests(5).every('1 hour').usingKey(`application:${ctx.request.ip()}`)
})

/** The public subscribe form and its confirmation links. */
export const subscribeThrottle = limiter.define('subscribe', (ctx) => {
  return limiter.allowRequests(10).every('15 minutes').usingKey(`subscribe:${ctx.request.ip()}`)
})

/** Forwards from one reader's copy: a few colleagues, not a mailing list. */
export const forwardReaderThrottle = limiter.define('forward_reader', (ctx) => {
  return limiter
    .allowRequests(5)
    .every('1 hour')
    .usingKey(`forward:reader:${String(ctx.params.token).split('.')[0]}`)
})

/** …and per IP, so share links found in public cannot be used to send mail in bulk. */
export const forwardIpThrottle = limiter.define('forward_ip', (ctx) => {
  return limiter.allowRequests(20).every('1 hour').usingKey(`forward:ip:${ctx.request.ip()}`)
})
