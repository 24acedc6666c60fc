import router from '@adonisjs/core/services/router'

export type AppRoute = {
  method: string
  pattern: string
  name: string
  /** Names of the named middleware on the route: auth, member, guest, … */
  middleware: string[]
  params: string[]
}

/**
 * Every route the app has, read from the router itself, so that tests over
 * all routes cover a route the day it is added. HEAD is left out (it is GET).
 */
export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = []
  for (const route of Object.values(router.toJSON()).flat()) {
    const store = route.middleware as unknown as
      { all(): Iterable<{ name?: string }> } | Iterable<{ name?: string }>
    const middleware = [...('all' in store ? store.all() : store)]
      .map((entry) => entry.name)
      .filter((name): name is string => Boolean(name))
    const params = [...route.pattern.matchAll(/:(\w+)/g)].map((match) => match[1])
    for (const method of route.methods) {
      if (method === 'HEAD') continue
      routes.push({ method, pattern: route.pattern, name: route.name ?? '', middleware, params })
    }
  }
  return routes
}

/** The route's path with each parameter replaced. */
export function fillPattern(pattern: string, values: Record<string, string | number>) {
  return pattern.replace(/:(\w+)/g, (_, param: string) => {
    if (!(param in values)) throw new Error(`No value for :${param} in ${pattern}`)
    return String(values[param])
  })
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
