import { test } from '@japa/runner'
import { readerToken, unsubscribeUrl, verifyReaderToken } from '#newsletters/reader_links'

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
})
