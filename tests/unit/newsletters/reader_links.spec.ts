import { test } from '@japa/runner'
import {
  forwardUrl,
  readerToken,
  shareUrl,
  unsubscribeUrl,
  verifyReaderToken,
  verifyWebVersionKey,
  webVersionKey,
  webVersionUrl,
} from '#newsletters/reader_links'
import { forwardReaderKey } from '#start/limiter'
import env from '#start/env'

test.group('Reader links', () => {
  test('a reader’s token leads back to that reader only', ({ assert }) => {
    const token = readerToken('unsubscribe', 4711)
    assert.match(token, /^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
    assert.equal(verifyReaderToken('unsubscribe', token), 4711)
    assert.match(unsubscribeUrl(4711), /\/u\/[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
  })

  test('another reader’s id with this signature, or a changed signature, is refused', ({
    assert,
  }) => {
    const [, mac] = readerToken('unsubscribe', 4711).split('.')
    assert.isNull(verifyReaderToken('unsubscribe', `${(4712).toString(36)}.${mac}`))
    assert.isNull(verifyReaderToken('unsubscribe', `${(4711).toString(36)}.${mac.slice(0, -1)}A`))
    assert.isNull(verifyReaderToken('unsubscribe', 'garbage'))
  })

  test('share links carry 128 bits of signature and are no good for unsubscribing', ({
    assert,
  }) => {
    const token = readerToken('share', 99)
    const [, mac] = token.split('.')
    assert.isAtLeast(Buffer.from(mac, 'base64url').length * 8, 128)
    assert.equal(verifyReaderToken('share', token), 99)
    assert.isNull(verifyReaderToken('unsubscribe', token))
    assert.isNull(verifyReaderToken('share', readerToken('unsubscribe', 99)))
    assert.equal(shareUrl(99), `${env.get('APP_URL')}/del/${token}`)
    assert.equal(forwardUrl(99), `${env.get('APP_URL')}/del/${token}/videresend`)
  })

  test('one copy has one token: leading zeros or an id past exact numbers are refused', ({
    assert,
  }) => {
    const token = readerToken('share', 99)
    const [id, mac] = token.split('.')
    assert.isNull(verifyReaderToken('share', `0${token}`))
    assert.isNull(verifyReaderToken('share', `00${id}.${mac}`))
    // 36^12 is past 2^53: such an id would read back as a neighbour's.
    assert.isNull(verifyReaderToken('share', `zzzzzzzzzzzz.${mac}`))
    assert.equal(verifyReaderToken('share', token), 99)
  })

  test('the forward limit counts per copy, however its token is written', ({ assert }) => {
    const token = readerToken('share', 99)
    assert.equal(forwardReaderKey(token), 'forward:reader:99')
    assert.equal(forwardReaderKey(`0${token}`), 'forward:reader:forged')
    assert.equal(
      forwardReaderKey(`${(99).toString(36)}.${'A'.repeat(22)}`),
      'forward:reader:forged'
    )
    assert.equal(forwardReaderKey(readerToken('unsubscribe', 99)), 'forward:reader:forged')
  })

  test('the web version carries a key of its issue alone', ({ assert }) => {
    const key = webVersionKey(7)
    const origin = new URL(env.get('APP_URL')).origin
    assert.equal(webVersionUrl(7), `${origin}/nyhedsbrev/udgave/7?k=${key}`)
    assert.equal(webVersionUrl(8), `${origin}/nyhedsbrev/udgave/8?k=${webVersionKey(8)}`)
    assert.isTrue(verifyWebVersionKey(7, key))
    assert.isFalse(verifyWebVersionKey(8, key))
    const changed = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`
    assert.isFalse(verifyWebVersionKey(7, changed))
    assert.isFalse(verifyWebVersionKey(7, undefined))
    assert.isFalse(verifyWebVersionKey(7, [key]))
    // Not a reader's token: the web key of an id signs nothing else.
    assert.notEqual(key, readerToken('share', 7).split('.')[1])
  })
})
