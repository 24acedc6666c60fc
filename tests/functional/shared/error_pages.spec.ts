import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import testUtils from '@adonisjs/core/services/test_utils'

test.group('Error pages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an unknown page is a Danish 404', async ({ client }) => {
    const response = await client.get('/does-not-exist')
    response.assertStatus(404)
    response.assertTextIncludes('Siden findes ikke')
  })

  test('an English reader gets the 404 in English', async ({ client }) => {
    const response = await client.get('/does-not-exist').withCookie('kreds-locale', 'en')
    response.assertStatus(404)
    response.assertTextIncludes('Page not found')
  })

  test('a missing record is a 404, not a crash', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/staff/999999/edit').loginAs(admin)
    response.assertStatus(404)
    response.assertTextIncludes('Siden findes ikke')
  })
})
