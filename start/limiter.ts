/*
| Rate limits for the public forms. Each counts per IP, and the forms that
| name an account or an address also per address, so that neither one client
| walking through many addresses nor many clients aiming at one get far.
*/
import limiter from '@adonisjs/limiter/services/main'
import { verifyReaderToken } from '#newsletters/reader_links'

/** Accounts and subscribers are keyed by the address as stored: trimmed, in lower case. */
export function addressKey(email: unknown) {
  return String(email ?? '')
    .trim()
    .toLowerCase()
}

/** One client guessing one account's password. */
export const loginThrottle = limiter.define('login', (ctx) => {
  return limiter
    .allowRequests(5)
    .every('1 minute')
    .blockFor('5 minutes')
    .usingKey(`login:${ctx.request.ip()}:${addressKey(ctx.request.input('email'))}`)
})

/** One client trying a password on every account: all its attempts count. */
export const loginIpThrottle = limiter.define('login_ip', (ctx) => {
  return limiter
    .allowRequests(30)
    .every('15 minutes')
    .blockFor('15 minutes')
    .usingKey(`login:ip:${ctx.request.ip()}`)
})

const FAILED_LOGINS = { requests: 10, duration: '15 minutes', blockDuration: '15 minutes' }

/**
 * Many clients guessing one account: its failed attempts from anywhere, known
 * or not (a block says nothing about whether the account exists). Throws
 * E_TOO_MANY_REQUESTS, answered with 429, while the account is blocked.
 *
 * The attempt is counted before it runs and forgiven when it succeeds, rather
 * than counted after it fails (penalize): a check-then-count would let a
 * burst of simultaneous guesses all pass the check.
 */
export async function countFailedLogin<T extends { status: string }>(
  email: string,
  attempt: () => Promise<T>
): Promise<T> {
  const failures = limiter.use(FAILED_LOGINS)
  const key = `login:account:${addressKey(email)}`
  await failures.consume(key)
  const result = await attempt()
  if (result.status === 'ok') await failures.delete(key)
  return result
}

/** Asking for reset links: each one sends a mail. Per IP… */
export const passwordResetThrottle = limiter.define('password_reset', (ctx) => {
  return limiter.allowRequests(5).every('15 minutes').usingKey(`password_reset:${ctx.request.ip()}`)
})

/** …and per address, so many clients cannot flood one inbox. */
export const passwordResetAddressThrottle = limiter.define('password_reset_address', (ctx) => {
  return limiter
    .allowRequests(3)
    .every('1 hour')
    .usingKey(`password_reset:address:${addressKey(ctx.request.input('email'))}`)
})

/** Submitting a new password from a link: guards against guessing tokens. */
export const newPasswordThrottle = limiter.define('new_password', (ctx) => {
  return limiter.allowRequests(10).every('15 minutes').usingKey(`new_password:${ctx.request.ip()}`)
})

/** Portal login links, per address so one inbox is not flooded… */
export const memberLinkAddressThrottle = limiter.define('member_link_address', (ctx) => {
  return limiter
    .allowRequests(3)
    .every('15 minutes')
    .usingKey(`member_link:address:${addressKey(ctx.request.input('email'))}`)
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

/** The public subscribe forms and their confirmation links, per IP. */
export const subscribeThrottle = limiter.define('subscribe', (ctx) => {
  return limiter.allowRequests(10).every('15 minutes').usingKey(`subscribe:${ctx.request.ip()}`)
})

/**
 * Confirmation mails to one address, whichever form or client asks. Checked
 * by the action, not answered with 429: the forms must say the same whether
 * or not an address was asked for before. Returns whether one more may go.
 */
export async function allowConfirmationMail(email: string) {
  const mails = limiter.use({ requests: 3, duration: '1 hour' })
  return (await mails.attempt(`subscribe:address:${addressKey(email)}`, () => true)) === true
}

/**
 * Whose copy a forward comes from: the delivery the token names once its
 * signature holds. Forged tokens share one key; the page refuses them anyway.
 */
export function forwardReaderKey(token: string) {
  return `forward:reader:${verifyReaderToken('share', token) ?? 'forged'}`
}

/** Forwards from one reader's copy: a few colleagues, not a mailing list. */
export const forwardReaderThrottle = limiter.define('forward_reader', (ctx) => {
  return limiter
    .allowRequests(5)
    .every('1 hour')
    .usingKey(forwardReaderKey(String(ctx.params.token)))
})

/** …and per IP, so share links found in public cannot be used to send mail in bulk. */
export const forwardIpThrottle = limiter.define('forward_ip', (ctx) => {
  return limiter.allowRequests(20).every('1 hour').usingKey(`forward:ip:${ctx.request.ip()}`)
})
