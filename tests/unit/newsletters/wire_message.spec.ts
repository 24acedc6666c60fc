import { test } from '@japa/runner'
import { createRequire } from 'node:module'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { prepareIssue, personalise } from '#newsletters/compose/issue_message'
import { buildWireTemplate, wireMessage } from '#newsletters/sending/wire_message'
import type { PlaceholderValues } from '#newsletters/compose/placeholders'
import { queueDeliveries } from '#newsletters/sending/recipients'
import { SendDeliveryBatch } from '#newsletters/actions/send_delivery_batch'
import { verifyBounceToken } from '#newsletters/reader_links'
import { dkimOptions } from '#shared/mail/dkim'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { startMailCatcher } from '#tests/helpers/mail_catcher'
import { subscribeTo } from '#tests/helpers/newsletters'

const require = createRequire(import.meta.url)
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify(
    message: Buffer,
    options: { resolver: (name: string, type: string) => Promise<string[][]> }
  ): Promise<{ results: { status: { result: string }; signingHeaders?: { keys: string } }[] }>
}

// Long lines, a line starting with a dot, '=' signs, trailing spaces, Danish letters, and
// placeholders at the start and end of lines and inside attributes.
const HTML = [
  '<html><body>',
  `<p>{{ first_name }}, ${'lang linje med æøå og = tegn '.repeat(12)}</p>`,
  '.en linje der starter med punktum   ',
  '<a href="{{ share_url }}">Del</a><a href="{{ forward_url }}">Videresend</a>',
  `<p>${'x'.repeat(300)}{{ first_name }}${'y'.repeat(75)}</p>`,
  '<a href="{{ unsubscribe_url }}">Afmeld</a> {{ web_url }}',
  '</body></html>',
].join('\n')

function values(name: string): PlaceholderValues {
  return {
    first_name: name,
    share_url: 'https://kreds.example/del/a1.Zk3-_x?x=1&y=2',
    forward_url: 'https://kreds.example/del/a1.Zk3-_x/videresend',
    unsubscribe_url: `https://kreds.example/u/${'q'.repeat(90)}`,
    preferences_url: 'https://kreds.example/u/q',
    web_url: 'https://kreds.example/nyhedsbrev/udgave/1',
  }
}

test.group('The wire message', () => {
  test('filling the prepared MIME gives what the composer gives, for any name; lines stay short', async ({
    assert,
  }) => {
    const prepared = prepareIssue('Nyt om æbler & "pærer"', HTML)
    const template = buildWireTemplate({
      from: { address: 'sekretariat@example.org', name: 'Social Talks' },
      replyTo: { address: 'kontakt@example.org', name: 'Social Talks' },
      listId: 'Nyhedsbrev <nyhedsbrev.kreds.example>',
      ...prepared,
    })
    for (const name of ['Åse Ørnsø', 'Ann "A" <b>', 'x'.repeat(120), 'Bo']) {
      const raw = wireMessage(template, {
        to: { address: 'laeser@example.org', name },
        messageId: '<kreds.1.2.1@kreds.example>',
        listUnsubscribe: '<https://kreds.example/u/q>, <mailto:afmeld@example.org?subject=x>',
        values: values(name),
      })
      for (const line of raw.toString('latin1').split('\r\n')) {
        assert.isAtMost(line.length, 78, `line too long: ${line}`)
      }
      assert.notMatch(raw.toString('latin1'), /(?<!\r)\n/, 'bare LF')
      const parsed = await simpleParser(raw)
      const expected = personalise(prepared, values(name))
      assert.equal(parsed.subject, 'Nyt om æbler & "pærer"')
      assert.equal(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].name : '', name)
      assert.equal(parsed.html, expected.html.replace(/\r?\n/g, '\n'))
      assert.equal(parsed.text?.trimEnd(), expected.text.replace(/\r?\n/g, '\n').trimEnd())
      assert.equal(parsed.messageId, '<kreds.1.2.1@kreds.example>')
      assert.deepInclude(parsed.headerLines, {
        key: 'list-unsubscribe-post',
        line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      })
    }
  })
})

test.group('Signed and returned', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(() => {
    for (const key of ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const)
      env.set(key, '')
  })

  test('DKIM: a newsletter copy verifies with the published key and signs the list headers', async ({
    assert,
  }) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const folder = await mkdtemp(join(tmpdir(), 'kreds-dkim-'))
    const keyPath = join(folder, 'dkim.pem')
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }))
    env.set('DKIM_DOMAIN', 'example.org')
    env.set('DKIM_SELECTOR', 'kreds2026')
    env.set('DKIM_PRIVATE_KEY', keyPath)
    const catcher = await startMailCatcher({ dkim: dkimOptions() })
    try {
      const list = await NewsletterListFactory.create()
      const reader = await SubscriberFactory.merge({ name: 'Søren Ærø' }).create()
      await subscribeTo(reader, list)
      const issue = await NewsletterIssue.create({
        subject: 'Signeret',
        bodyMjml: 'x',
        compiledHtml: '<p>Hej {{ first_name }}</p><a href="{{ unsubscribe_url }}">Afmeld</a>',
        status: 'sending',
        createdBy: 'test',
      })
      await issue.related('lists').attach([list.id])
      await db.transaction((trx) => queueDeliveries(trx, issue.id))
      const [delivery] = await NewsletterDelivery.query().where('issue_id', issue.id)
      await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: [delivery.id] })
      assert.lengthOf(catcher.raws, 1)

      const published = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
      const lookups: string[] = []
      const resolver = async (name: string, type: string) => {
        lookups.push(`${type} ${name}`)
        if (type === 'TXT' && name === 'kreds2026._domainkey.example.org')
          return [[`v=DKIM1; k=rsa; p=${published}`]]
        throw Object.assign(new Error(`no ${type} ${name}`), { code: 'ENOTFOUND' })
      }
      const result = await dkimVerify(catcher.raws[0], { resolver })
      assert.deepEqual(lookups, ['TXT kreds2026._domainkey.example.org'])
      assert.equal(result.results[0].status.result, 'pass')
      const signed = result.results[0].signingHeaders!.keys.toLowerCase().split(': ')
      for (const header of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'])
        assert.include(signed, header)

      // A copy changed on the way does not verify.
      const tampered = Buffer.from(
        catcher.raws[0].toString('latin1').replace('Hej', 'Hey'),
        'latin1'
      )
      const broken = await dkimVerify(tampered, { resolver })
      assert.notEqual(broken.results[0].status.result, 'pass')

      // The envelope sender is the delivery's own return path.
      const match = /^bounces\+([^@]+)@example\.org$/.exec(catcher.senders[0])
      assert.isNotNull(match)
      assert.equal(verifyBounceToken(match![1]), delivery.id)
    } finally {
      await catcher.stop()
    }
  })
})
