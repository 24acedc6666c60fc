/**
 * Who made a change. Actions take an Actor rather than an HttpContext so that
 * the web, ace commands and jobs record the same kind of event.
 */
export type Actor = {
  type: 'user' | 'member_contact' | 'system'
  id: number | null
  label: string
  ip?: string | null
}

export const Actors = {
  user(user: { id: number; email: string }, ip?: string | null): Actor {
    return { type: 'user', id: user.id, label: user.email, ip: ip ?? null }
  },
  system(label: string): Actor {
    return { type: 'system', id: null, label }
  },
}
