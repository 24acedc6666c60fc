import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

/*
 * The treasurer's way through a dues run: open the confirmation page, read
 * the form it carries (the one-time token and the plan's fingerprint), submit it.
 */

export type RunForm = Record<string, string>

/** The hidden fields of the confirmation page's form, as a browser would submit them. */
export function runFormOf(html: string): RunForm {
  const form = /<form[^>]*data-testid="run-confirm"[\s\S]*?<\/form>/.exec(html)?.[0]
  if (!form) throw new Error('The confirmation page has no form to confirm')
  const fields: RunForm = {}
  for (const match of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(match[0])?.[1]
    const value = /value="([^"]*)"/.exec(match[0])?.[1]
    if (name && name !== '_csrf' && value !== undefined) fields[name] = value
  }
  return fields
}

export async function openConfirmation(
  client: ApiClient,
  user: User,
  kind: 'generate' | 'remind',
  qs: Record<string, string | number> = {}
) {
  const query = new URLSearchParams(
    Object.entries(qs).map(([key, value]) => [key, String(value)])
  ).toString()
  const page = await client.get(`/dues/${kind}${query ? `?${query}` : ''}`).loginAs(user)
  page.assertStatus(200)
  return page
}

export function submitRun(
  client: ApiClient,
  user: User,
  kind: 'generate' | 'remind',
  form: RunForm
) {
  return client.post(`/dues/${kind}`).form(form).loginAs(user).withCsrfToken().redirects(0)
}

/** The run's id from the redirect after a confirmed submit. */
export function runIdOf(location: string | undefined) {
  const id = /^\/dues\/runs\/(\d+)$/.exec(location ?? '')?.[1]
  if (!id) throw new Error(`Not a run's page: ${location}`)
  return Number(id)
}

/** Confirmation page, then its form submitted: what a treasurer does in two clicks. */
export async function confirmRun(
  client: ApiClient,
  user: User,
  kind: 'generate' | 'remind',
  qs: Record<string, string | number> = {}
) {
  const page = await openConfirmation(client, user, kind, qs)
  const response = await submitRun(client, user, kind, runFormOf(page.text()))
  response.assertStatus(302)
  return { response, runId: runIdOf(response.header('location')) }
}
