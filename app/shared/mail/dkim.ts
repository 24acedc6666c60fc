import { readFileSync } from 'node:fs'
import env from '#start/env'

/**
 * Headers every signature covers. Besides the usual, the list headers:
 * receivers trust a one-click unsubscribe only when the signature covers
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':')

export type DkimOptions = {
  domainName: string
  keySelector: string
  privateKey: string
  headerFieldNames: string
}

/**
 * nodemailer's DKIM options from DKIM_DOMAIN, DKIM_SELECTOR and
 * DKIM_PRIVATE_KEY (the path of a PEM file), or null when signing is off.
 * Half a configuration is an error: it would send unsigned mail silently.
 */
export function dkimOptions(): DkimOptions | null {
  const domainName = env.get('DKIM_DOMAIN')
  const keySelector = env.get('DKIM_SELECTOR')
  const keyPath = env.get('DKIM_PRIVATE_KEY')
  if (!domainName && !keySelector && !keyPath) return null
  if (!domainName || !keySelector || !keyPath) {
    throw new Error('DKIM needs all of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY')
  }
  let privateKey: string
  try {
    privateKey = readFileSync(keyPath, 'utf8')
  } catch (error) {
    throw new Error(`DKIM_PRIVATE_KEY cannot be read (${keyPath}): ${(error as Error).message}`)
  }
  return { domainName, keySelector, privateKey, headerFieldNames: DKIM_SIGNED_HEADERS }
}
