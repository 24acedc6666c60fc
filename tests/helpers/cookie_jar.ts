/**
 * One browser's cookies against a running server: what it sends, what it is
 * given back, and the CSRF token of the last form it saw. Redirects are not
 * followed, so a test sees where it was sent.
 */
export class CookieJar {
  #cookies = new Map<string, string>()
  csrf = ''

  constructor(readonly base: string) {}

  /** The session cookie's current value, to copy into another jar or compare later. */
  get session() {
    return this.#cookies.get('kreds-session') ?? null
  }

  set session(value: string | null) {
    if (value === null) this.#cookies.delete('kreds-session')
    else this.#cookies.set('kreds-session', value)
  }

  async get(path: string) {
    return this.#send(path, { method: 'GET' })
  }

  /** Posts a form with the CSRF token of the last page; `_method` spoofs PUT and DELETE. */
  async post(path: string, fields: Record<string, string> = {}) {
    return this.#send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }),
    })
  }

  /** Posts a multipart form as a browser does; the CSRF token is whatever the action carries. */
  async postForm(path: string, form: FormData) {
    return this.#send(path, { method: 'POST', body: form })
  }

  async logIn(email: string, password: string) {
    await this.get('/login')
    const response = await this.post('/login', { email, password })
    if (response.location !== '/') throw new Error(`Login of ${email} failed: ${response.status}`)
    return response
  }

  async #send(path: string, init: RequestInit) {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.#header() },
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...value] = pair.split('=')
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.#cookies.delete(name)
      else this.#cookies.set(name, value.join('='))
    }
    const text = await response.text()
    const csrf = /name=['"]_csrf['"][^>]*value=['"]([^'"]+)/.exec(text)?.[1]
    if (csrf) this.csrf = csrf
    return { status: response.status, location: response.headers.get('location'), text }
  }

  #header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}
