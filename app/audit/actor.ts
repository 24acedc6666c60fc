/**
 * Who made a change. Actions take an Actor rather than an HttpContext so that
 * the web, ace commands and jobs record the same kind of event.
 */
export type Actor = {
  type: 'user' | 'member_contact' | 'system'
  id: number | null
  label: string
  ip?: string | null
  userAgent?: string | null
}

/** Where a change came from: the address and the browser of the request, when there was one. */
export type Origin = { ip?: string | null; userAgent?: string | null }

/** A browser's name is kept this long: enough to tell browsers and devices apart. */
export const USER_AGENT_LENGTH = 300

export const Actors = {
  /** Over the web, `origin` is requestOrigin(request) (or use staffActor); an address alone is still taken. */
  user(user: { id: number; email: string }, origin?: Origin | string | null): Actor {
    const from = typeof origin === 'string' ? { ip: origin } : origin
    return {
      type: 'user',
      id: user.id,
      label: user.email,
      ip: from?.ip ?? null,
      userAgent: from?.userAgent ?? null,
    }
  },
  /** A form or link without a login (a subscription, an application): its origin when over the web. */
  system(label: string, origin?: Origin | null): Actor {
    return {
      type: 'system',
      id: null,
      label,
      ip: origin?.ip ?? null,
      userAgent: origin?.userAgent ?? null,
    }
  },
}
