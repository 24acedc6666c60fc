import { test } from '@japa/runner'
import { describeDatabaseError, isDatabaseUnreachable } from '#shared/database_errors'

test.group('isDatabaseUnreachable', () => {
  test('recognises a server that is down, wrong credentials and a missing database', ({
    assert,
  }) => {
    assert.isTrue(isDatabaseUnreachable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })))
    assert.isTrue(
      isDatabaseUnreachable(Object.assign(new Error('x'), { code: 'ER_ACCESS_DENIED_ERROR' }))
    )
    assert.isTrue(isDatabaseUnreachable(Object.assign(new Error('x'), { code: 'ER_BAD_DB_ERROR' })))
    assert.isTrue(
      isDatabaseUnreachable(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])
      )
    )
  })

  test('leaves ordinary query errors alone', ({ assert }) => {
    assert.isFalse(isDatabaseUnreachable(Object.assign(new Error('x'), { code: 'ER_DUP_ENTRY' })))
    assert.isFalse(isDatabaseUnreachable(new Error('syntax error')))
    assert.isFalse(isDatabaseUnreachable(null))
  })

  test('describes the failure in one line with the target', ({ assert }) => {
    const line = describeDatabaseError(
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      'mysql'
    )
    assert.equal(line, 'The database cannot be reached (mysql): ECONNREFUSED')
  })
})
