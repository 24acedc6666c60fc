import { test } from '@japa/runner'
import { defaultAppUrl } from '#shared/app_url_default'

test.group('APP_URL when it is left out', () => {
  test('follows HOST and PORT in development and tests', ({ assert }) => {
    assert.equal(
      defaultAppUrl({ NODE_ENV: 'development', HOST: 'localhost', PORT: '3414' }),
      'http://localhost:3414'
    )
    assert.equal(
      defaultAppUrl({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '3334' }),
      'http://127.0.0.1:3334'
    )
  })

  test('names a wildcard listening address as localhost, which a browser can open', ({
    assert,
  }) => {
    assert.equal(defaultAppUrl({ HOST: '0.0.0.0', PORT: '4000' }), 'http://localhost:4000')
    assert.equal(defaultAppUrl({ HOST: '::', PORT: '4000' }), 'http://localhost:4000')
    assert.equal(defaultAppUrl({ HOST: '::1', PORT: '4000' }), 'http://[::1]:4000')
    assert.equal(defaultAppUrl({}), 'http://localhost:3333')
  })

  test('is required in production, where only the operator knows the public name', ({ assert }) => {
    assert.throws(
      () => defaultAppUrl({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3333' }),
      /APP_URL must be set in production/
    )
  })
})
