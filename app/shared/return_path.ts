import env from '#start/env'

let appOrigin: string | null = null

/**
 * Where a form may send the visitor back to: a path on this site, taken from
 * a same-origin URL (the Referer). Anything else gives the fallback. A path
 * must start with exactly one slash: `//evil.example/x` (or `/\evil.example`,
 * which browsers read the same way) is another site to a browser, even
 * when it was the path of a page on this one. The URL parser has already
 * percent-encoded or dropped any control character in the path and query.
 */
export function sameSiteReturnPath(candidate: string | null | undefined, fallback: string) {
  if (!candidate || candidate.length > 2000) return fallback
  appOrigin ??= new URL(env.get('APP_URL')).origin
  let url: URL
  try {
    // Browsers send the Referer as an absolute URL; anything relative is not one.
    url = new URL(candidate)
  } catch {
    return fallback
  }
  if (url.origin !== appOrigin) return fallback
  const path = url.pathname
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return fallback
  return path + url.search
}
