import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#exceptions/handler'

test.group('Exception handler', () => {
  test('an unexpected error becomes a Danish 500 page with no stack trace or message', async ({
    assert,
  }) => {
    const ctx = await testUtils.createHttpContext()
    ctx.request.request.headers.accept = 'text/html'

    await new HttpExceptionHandler().handle(new Error('secret internals at foo.ts:12'), ctx)

    const body = String(ctx.response.getBody())
    assert.equal(ctx.response.getStatus(), 500)
    assert.include(body, 'Der gik noget galt')
    assert.include(body, 'Der opstod en uventet fejl.')
    assert.notInclude(body, 'secret internals')
    assert.notMatch(body, /at .*\.(ts|js):\d+/)
  })

  test('a JSON client gets the message without a stack trace', async ({ assert }) => {
    const ctx = await testUtils.createHttpContext()
    ctx.request.request.headers.accept = 'application/json'

    await new HttpExceptionHandler().handle(
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      ctx
    )

    assert.equal(ctx.response.getStatus(), 503)
    assert.deepEqual(ctx.response.getBody(), {
      message: 'Databasen svarer ikke. Prøv igen om lidt, eller kontakt den, der driver Kreds.',
    })
  })
})
