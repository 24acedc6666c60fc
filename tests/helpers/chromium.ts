import { existsSync } from 'node:fs'

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * The system Chromium (Debian's `chromium` package); Playwright downloads no
 * browser here. CHROMIUM_PATH, when set, is the only place looked at: a path
 * that does not exist means "no Chromium", never a silent fallback to another
 * browser, so a machine without one can be imitated on a machine with one.
 */
export function findChromium(): { path: string } | { missing: string } {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    return existsSync(configured)
      ? { path: configured }
      : { missing: `CHROMIUM_PATH=${configured} does not exist` }
  }
  const found = SYSTEM_PATHS.find((path) => existsSync(path))
  return found ? { path: found } : { missing: `none of ${SYSTEM_PATHS.join(', ')} exists` }
}

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-sandbox',
]
