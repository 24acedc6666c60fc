import { existsSync } from 'node:fs'

/**
 * The system Chromium (Debian's `chromium` package); Playwright downloads no
 * browser here. CHROMIUM_PATH points elsewhere.
 */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter(Boolean) as string[]
  return candidates.find((path) => existsSync(path)) ?? null
}

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-sandbox',
]
