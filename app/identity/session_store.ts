import { configProvider } from '@adonisjs/core'
import type { ConfigProvider } from '@adonisjs/core/types'
import type {
  SessionData,
  SessionStoreContract,
  SessionStoreFactory,
  SessionStoreWithTaggingContract,
  TaggedSession,
} from '@adonisjs/session/types'

/**
 * The session keys of the two guards (staff and member contacts). A session
 * that holds one of them is a login, and a login lives only on the server.
 */
const LOGIN_KEYS = ['auth_web', 'auth_member']

function holdsLogin(values: SessionData) {
  return LOGIN_KEYS.some((key) => key in values)
}

function withoutLogin(values: SessionData) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !LOGIN_KEYS.includes(key)))
}

/**
 * Logins are kept on the server (the database or Redis), so that ending a
 * session anywhere ends it; a visitor who is not logged in keeps only what
 * a form needs (the CSRF secret, a refused form's input, a message) in an
 * encrypted cookie. A reader opening a newsletter's share page or a guest
 * reaching a public form then costs the database nothing, and nobody can
 * fill the sessions table by asking for pages without a cookie. A login is
 * never taken from the cookie, whatever it says.
 */
export class LoginOnServerStore implements SessionStoreWithTaggingContract {
  /** Sessions this request found on the server. */
  #onServer = new Set<string>()

  /**
   * @param cameWithSession whether the request named a session at all: a
   *   fresh one (no cookie) is nowhere yet, and asking the server would cost
   *   every cookieless visit a query.
   */
  constructor(
    private server: SessionStoreWithTaggingContract,
    private guest: SessionStoreContract | null,
    private cameWithSession = true
  ) {}

  async read(sessionId: string) {
    if (!this.cameWithSession) return null
    // A visitor's own cookie answers first; only a login is looked up on the server.
    const guest = (await this.guest?.read(sessionId)) ?? null
    if (guest) return withoutLogin(guest)
    const stored = await this.server.read(sessionId)
    if (stored) this.#onServer.add(sessionId)
    return stored
  }

  async write(sessionId: string, values: SessionData) {
    if (holdsLogin(values)) {
      await this.server.write(sessionId, values)
      await this.guest?.destroy(sessionId)
      return
    }
    await this.guest?.write(sessionId, values)
    if (this.#onServer.has(sessionId)) await this.server.destroy(sessionId)
  }

  async destroy(sessionId: string) {
    await this.server.destroy(sessionId)
    await this.guest?.destroy(sessionId)
  }

  async touch(sessionId: string) {
    if (this.#onServer.has(sessionId)) await this.server.touch(sessionId)
    else await this.guest?.touch(sessionId)
  }

  tag(sessionId: string, userId: string | number) {
    return this.server.tag(sessionId, userId)
  }

  untag(sessionId: string, userId: string | number) {
    return this.server.untag(sessionId, userId)
  }

  tagged(userId: string | number): Promise<TaggedSession[]> | TaggedSession[] {
    return this.server.tagged(userId)
  }
}

/**
 * A session store for config/session.ts: logins in `server` (the database
 * or Redis store), visitors in the cookie store. Without a request (ending
 * a user's sessions from a command or an action) only the server is used.
 */
export function loginOnServer(
  server: ConfigProvider<SessionStoreFactory>,
  guest: ConfigProvider<SessionStoreFactory>
): ConfigProvider<SessionStoreFactory> {
  return configProvider.create(async (app) => {
    const serverFactory = await server.resolver(app)
    const guestFactory = await guest.resolver(app)
    return (ctx, config) =>
      new LoginOnServerStore(
        serverFactory(ctx, config) as SessionStoreWithTaggingContract,
        ctx ? guestFactory(ctx, config) : null,
        ctx ? config.cookieName in ctx.request.cookiesList() : true
      )
  })
}
