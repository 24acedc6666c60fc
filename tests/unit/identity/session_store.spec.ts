import { test } from '@japa/runner'
import type { SessionData, TaggedSession } from '@adonisjs/session/types'
import { LoginOnServerStore } from '#identity/session_store'

/** A store kept in a map, standing in for the database (server) or the cookie (guest). */
class MapStore {
  rows = new Map<string, SessionData>()
  tags = new Map<string, string>()
  read(id: string) {
    return this.rows.get(id) ?? null
  }
  write(id: string, values: SessionData) {
    this.rows.set(id, values)
  }
  destroy(id: string) {
    this.rows.delete(id)
    this.tags.delete(id)
  }
  touch() {}
  tag(id: string, user: string | number) {
    this.tags.set(id, String(user))
  }
  untag(id: string) {
    this.tags.delete(id)
  }
  tagged(user: string | number): TaggedSession[] {
    return [...this.tags]
      .filter(([, owner]) => owner === String(user))
      .map(([id]) => ({ id, data: this.rows.get(id) ?? {} }))
  }
}

test.group('LoginOnServerStore', () => {
  test('a visitor without a login is kept in the cookie, a login only on the server', async ({
    assert,
  }) => {
    const server = new MapStore()
    const cookie = new MapStore()
    const store = new LoginOnServerStore(server, cookie)

    await store.write('guest', { 'csrf-secret': 's' })
    assert.deepEqual(cookie.read('guest'), { 'csrf-secret': 's' })
    assert.isNull(server.read('guest'))

    await store.write('staff', { 'csrf-secret': 's', 'auth_web': 7 })
    assert.deepEqual(server.read('staff'), { 'csrf-secret': 's', 'auth_web': 7 })
    assert.isNull(cookie.read('staff'))
  })

  test('a login is never read from the cookie, whatever it holds', async ({ assert }) => {
    const server = new MapStore()
    const cookie = new MapStore()
    cookie.write('forged', { auth_web: 1, auth_member: 2, theme: 'dark' })
    const store = new LoginOnServerStore(server, cookie)
    assert.deepEqual(await store.read('forged'), { theme: 'dark' })
  })

  test('a session that logs out leaves the server', async ({ assert }) => {
    const server = new MapStore()
    const cookie = new MapStore()
    server.write('s1', { auth_web: 3 })
    const store = new LoginOnServerStore(server, cookie)
    await store.read('s1')
    await store.write('s1', { flash: 'logged out' })
    assert.isNull(server.read('s1'))
    assert.deepEqual(cookie.read('s1'), { flash: 'logged out' })
  })

  test('tags and ending sessions work without a request, on the server alone', async ({
    assert,
  }) => {
    const server = new MapStore()
    server.write('a', { auth_web: 5 })
    const store = new LoginOnServerStore(server, null)
    await store.tag('a', 'staff:5')
    assert.deepEqual(
      (await store.tagged('staff:5')).map((session) => session.id),
      ['a']
    )
    await store.destroy('a')
    assert.lengthOf(await store.tagged('staff:5'), 0)
  })
})
