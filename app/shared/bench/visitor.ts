/** A session on the site: its cookies and the CSRF token of the page it last opened. */
export type Visitor = { cookie: string; csrf: string; jar: string[] }

/** The cookies a response sets, on top of those sent with its request. */
function cookiesOf(response: Response, before: string[] = []) {
  const jar = new Map(before.map((cookie) => [cookie.split('=')[0], cookie]))
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(';')[0]
    jar.set(pair.split('=')[0], pair)
  }
  return [...jar.values()]
}

/** Opens a page as a browser would, keeping its cookies and its form's CSRF token. */
export async function visit(url: string, cookies: string[] = []): Promise<Visitor> {
  const response = await fetch(url, { headers: { cookie: cookies.join('; ') } })
  const page = await response.text()
  const csrf = /name=['"]_csrf['"][^>]*value=['"]([^'"]+)/.exec(page)?.[1] ?? ''
  const jar = cookiesOf(response, cookies)
  return { cookie: jar.join('; '), csrf, jar }
}

/** A demo staff member logged in, on the page `landing` (password of the demo data). */
export async function logIn(base: string, email: string, landing: string) {
  const login = await visit(`${base}/login`)
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': login.cookie },
    body: new URLSearchParams({ email, password: 'kreds-demo', _csrf: login.csrf }),
  })
  return visit(`${base}${landing}`, cookiesOf(response, login.jar))
}
