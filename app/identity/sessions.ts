import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Every session is tagged with whose it is, so that all of one person's
 * sessions can be found and ended from anywhere: a new password, a lost
 * role, a deactivated account, or an admin's "log out everywhere". Staff
 * users and member contacts are numbered apart, hence the prefix.
 */
export type SessionOwner = { kind: 'staff' | 'contact'; id: number }

export function sessionTag(owner: SessionOwner) {
  return `${owner.kind}:${owner.id}`
}

/** What the account page shows of each session: where and when it began. */
export type SessionFacts = { ip: string | null; agent: string | null; startedAt: string }

const FACTS_KEY = 'session_facts'

/**
 * Called right after a login, once the guard has given the session a new
 * id: the tag goes on the new id, never on the one the visitor came with.
 */
export async function tagLoginSession(ctx: HttpContext, owner: SessionOwner) {
  const facts: SessionFacts = {
    ip: ctx.request.ip(),
    agent: (ctx.request.header('user-agent') ?? '').slice(0, 300) || null,
    startedAt: new Date().toISOString(),
  }
  ctx.session.put(FACTS_KEY, facts)
  await ctx.session.tag(sessionTag(owner))
}

/**
 * Logging out ends the session itself, not only the login in it: the
 * session gets a new id and the old one is deleted from the store when the
 * response is sent, so a copy of the old cookie opens nothing.
 */
export function endCurrentSession(ctx: HttpContext) {
  ctx.session.clear()
  ctx.session.regenerate()
}

/**
 * After every session of the owner was ended, the one making the request
 * goes on under a new id, tagged again (the tag belonged to the old id).
 */
export async function renewSession(ctx: HttpContext, owner: SessionOwner) {
  ctx.session.regenerate()
  await ctx.session.tag(sessionTag(owner))
}

export type OwnSession = { id: string; facts: SessionFacts | null; current: boolean }

export async function listSessions(owner: SessionOwner, currentId?: string): Promise<OwnSession[]> {
  const collection = await app.container.make(SessionCollection)
  const sessions = await collection.tagged(sessionTag(owner))
  return sessions
    .map((session) => ({
      id: session.id,
      facts: (session.data[FACTS_KEY] as SessionFacts | undefined) ?? null,
      current: session.id === currentId,
    }))
    .sort((a, b) => (b.facts?.startedAt ?? '').localeCompare(a.facts?.startedAt ?? ''))
}

/** Ends every session of the owner but `keep` (the one making the request, when it stays). */
export async function endSessions(owner: SessionOwner, keep?: string): Promise<number> {
  const collection = await app.container.make(SessionCollection)
  let ended = 0
  for (const session of await collection.tagged(sessionTag(owner))) {
    if (session.id === keep) continue
    await collection.destroy(session.id)
    ended++
  }
  return ended
}
