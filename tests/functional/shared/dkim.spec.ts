import { test } from '@japa/runner'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAppServer, type AppServer } from '#tests/helpers/app_server'
import { startMailSink, type MailSink } from '#tests/helpers/mail_sink'
import { CookieJar } from '#tests/helpers/cookie_jar'

const require = createRequire(import.meta.url)
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify(
    message: Buffer,
    options: { resolver: (name: string, type: string) => Promise<string[][]> }
  ): Promise<{
    results: { status: { result: string }; signingHeaders?: { keys: string } }[]
  }>
}

/**
 * DKIM as the app's own configuration signs: a server and a command started
 * with DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY and nothing else,
 * sending to an SMTP server on loopback; verified as a receiver does.
 */
test.group('DKIM from the configuration', (group) => {
  let server: AppServer
  let sink: MailSink
  let folder: string
  let published: string

  group.setup(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    published = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    folder = await mkdtemp(join(tmpdir(), 'kreds-dkim-'))
    const keyPath = join(folder, 'dkim.pem')
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }))
    sink = await startMailSink({ keep: true })
    server = await startAppServer('dkim_config', {
      MAIL_MAILER: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: 'false',
      DKIM_DOMAIN: 'example.org',
      DKIM_SELECTOR: 'kreds2026',
      DKIM_PRIVATE_KEY: keyPath,
    })
    return async () => {
      await server.stop()
      await sink.stop()
      await rm(folder, { recursive: true, force: true })
    }
  })
  group.each.setup(() => sink.reset())

  const resolver = async (name: string, type: string) => {
    if (type === 'TXT' && name === 'kreds2026._domainkey.example.org')
      return [[`v=DKIM1; k=rsa; p=${published}`]]
    throw Object.assign(new Error(`no ${type} ${name}`), { code: 'ENOTFOUND' })
  }

  const signedHeaders = async (raw: Buffer) => {
    const result = await dkimVerify(raw, { resolver })
    if (result.results[0]?.status.result !== 'pass') return null
    return result.results[0].signingHeaders!.keys.toLowerCase().split(': ')
  }

  test('a system mail (a password reset link) is signed and verifies', async ({ assert }) => {
    const browser = new CookieJar(server.base)
    await browser.get('/forgot-password')
    await browser.post('/forgot-password', { email: 'admin@example.org' })
    await sink.waitUntil(() => sink.raws.length > 0, 20_000)
    const headers = await signedHeaders(sink.raws[0])
    assert.isNotNull(headers, 'the signature verifies')
    for (const header of ['from', 'to', 'subject', 'date', 'message-id'])
      assert.include(headers!, header)

    const tampered = Buffer.from(
      sink.raws[0].toString('latin1').replace(/^Subject: /m, 'Subject: Re: '),
      'latin1'
    )
    assert.isNull(await signedHeaders(tampered))
  }).timeout(60_000)

  test('a newsletter copy is signed over its one-click unsubscribe headers', async ({ assert }) => {
    const [draft] = await server.query<{ id: number }>(
      "SELECT id FROM newsletter_issues WHERE status = 'draft' ORDER BY id LIMIT 1"
    )
    const sent = await server.ace(['newsletters:send', String(draft.id)], {
      MAIL_MAILER: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      DKIM_DOMAIN: 'example.org',
      DKIM_SELECTOR: 'kreds2026',
      DKIM_PRIVATE_KEY: join(folder, 'dkim.pem'),
      QUEUE_DRIVER: 'sync',
    })
    assert.equal(sent.code, 0, sent.stdout + sent.stderr)
    await sink.waitUntil(() => sink.raws.length > 0, 30_000)
    const raw = sink.raws[0]
    assert.match(raw.toString('latin1'), /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    const headers = await signedHeaders(raw)
    assert.isNotNull(headers, 'the signature verifies')
    for (const header of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'])
      assert.include(headers!, header)
  }).timeout(60_000)
})
