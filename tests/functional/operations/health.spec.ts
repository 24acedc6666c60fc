import { test } from '@japa/runner'

test.group('Health: alive and ready', () => {
  test('/health/live answers without asking anything else', async ({ client, assert }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    assert.deepEqual(response.body(), { status: 'ok', alive: true })
  })

  test('/health/ready and /health say ready when the database answers', async ({
    client,
    assert,
  }) => {
    for (const path of ['/health/ready', '/health']) {
      const response = await client.get(path)
      response.assertStatus(200)
      assert.containSubset(response.body(), {
        status: 'ok',
        alive: true,
        ready: true,
        database: { ok: true },
      })
      // Redis is asked only where a setting uses it; the test settings use none.
      assert.notProperty(response.body(), 'redis')
    }
  })
})
