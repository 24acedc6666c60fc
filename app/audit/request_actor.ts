import type { HttpContext } from '@adonisjs/core/http'
import { Actors, USER_AGENT_LENGTH, type Actor } from '#audit/actor'

/**
 * Where a request came from, as the audit log keeps it: the address (behind
 * a trusted proxy, the client's) and the browser's name, cut to a length a
 * column holds. Built here only, so every change made over HTTP says both.
 */
export function requestOrigin(request: HttpContext['request']): {
  ip: string | null
  userAgent: string | null
} {
  const agent = (request.header('user-agent') ?? '').trim().slice(0, USER_AGENT_LENGTH)
  return { ip: request.ip(), userAgent: agent || null }
}

/** The staff user signed in to the request, as the actor of what the request changes. */
export function staffActor({ auth, request }: Pick<HttpContext, 'auth' | 'request'>): Actor {
  return Actors.user(auth.use('web').getUserOrFail(), requestOrigin(request))
}
