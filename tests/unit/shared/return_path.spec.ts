import { test } from '@japa/runner'
import env from '#start/env'
import { sameSiteReturnPath } from '#shared/return_path'

test.group('sameSiteReturnPath', () => {
  test('keeps the path and query of a page on this site', ({ assert }) => {
    const origin = new URL(env.get('APP_URL')).origin
    assert.equal(sameSiteReturnPath(`${origin}/members?q=a`, '/'), '/members?q=a')
    assert.equal(sameSiteReturnPath(`${origin}/`, '/medlem'), '/')
  })

  test('anything that a browser would take to another site gives the fallback', ({ assert }) => {
    const origin = new URL(env.get('APP_URL')).origin
    for (const candidate of [
      `${origin}//evil.example/x`,
      `${origin}/\\evil.example`,
      `${origin.replace('http:', 'https:')}/members`,
      'https://evil.example/',
      '//evil.example/',
      '/relative/path',
      'javascript:alert(1)',
      'data:text/html,x',
      '',
      null,
      undefined,
      `${origin}/${'a'.repeat(3000)}`,
    ]) {
      assert.equal(sameSiteReturnPath(candidate, '/fallback'), '/fallback', String(candidate))
    }
  })
})
