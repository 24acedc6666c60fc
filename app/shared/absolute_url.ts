import router from '@adonisjs/core/services/router'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'

let prefix: string | null = null

type RouteName = Parameters<typeof urlFor>[0]

/**
 * A link for a mail or for another site: the router builds the path from the
 * route's name (each value percent-encoded in its place), APP_URL gives the
 * origin. Never a path put together by hand.
 */
export function absoluteUrlFor(
  name: RouteName,
  params: Record<string, string | number> = {},
  options: { qs?: Record<string, string | number> } = {}
): string {
  prefix ??= env.get('APP_URL').replace(/\/+$/, '')
  // Jobs and commands build links too; only a web server commits the routes by itself.
  if (!router.commited) router.commit()
  const build = urlFor as unknown as (name: string, params: object, options: object) => string
  return build(name, params, { ...options, prefixUrl: prefix })
}

/**
 * The path and query of one of Kreds' own links, for a page that frames it:
 * the frame stays on the page's own origin (the CSP allows only 'self')
 * whatever host or port APP_URL names.
 */
export function ownPath(url: string) {
  const { pathname, search } = new URL(url)
  return pathname + search
}
