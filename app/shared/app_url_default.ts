/**
 * Kreds' own address (APP_URL) prefixes every link in mail, share pages and
 * the web version. In production it must be set: only the operator knows the
 * public name. In development and tests it may be left out, and then it
 * follows HOST and PORT, so a second server on another port links to itself
 * and not to the one on 3333.
 */
export type AppUrlSource = {
  NODE_ENV?: string
  HOST?: string
  PORT?: string
}

/** Wildcard addresses listen everywhere but cannot be opened in a browser. */
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]'])

export function defaultAppUrl(source: AppUrlSource): string {
  if (source.NODE_ENV === 'production') {
    throw new Error(
      'APP_URL must be set in production: the address members and readers open, e.g. https://kreds.example.org'
    )
  }
  const host = !source.HOST || ANY_ADDRESS.has(source.HOST) ? 'localhost' : source.HOST
  const port = source.PORT || '3333'
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `http://${shownHost}:${port}`
}
