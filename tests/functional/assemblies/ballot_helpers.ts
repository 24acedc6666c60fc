import type { ApiClient } from '@japa/api-client'
import type Assembly from '#assemblies/models/assembly'
import type Ballot from '#assemblies/models/ballot'
import type Organisation from '#members/models/organisation'
import type User from '#identity/models/user'
import { agendaOf, latestBallot, linkPath } from '#tests/functional/assemblies/helpers'

/*
 * The chair's and the delegates' steps in a ballot over HTTP, shared by the
 * ballot specs: create, open and close from the chair's screen, read the
 * live status, and vote through an organisation's personal link.
 */
export type Form = Record<string, string | string[]>

/** A ballot through the chair's form under the accounts item; the flash must say it was made. */
export async function createBallot(
  client: ApiClient,
  user: User,
  assembly: Assembly,
  fields: Form
) {
  const item = (await agendaOf(assembly.id)).find(
    (candidate) => candidate.title === 'Fremlæggelse af regnskab til godkendelse'
  )!
  const response = await client
    .post(`/assemblies/${assembly.id}/ballots`)
    .form({
      agenda_item_id: String(item.id),
      question: 'Godkendes regnskabet?',
      kind: 'yes_no',
      majority: 'simple',
      method: 'electronic',
      ...fields,
    })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  response.assertHeader('location', `/assemblies/${assembly.id}/chair`)
  response.assertFlashMessage('success', 'Afstemningen er oprettet.')
  return latestBallot(assembly.id)
}

export function chairPost(
  client: ApiClient,
  user: User,
  assembly: Assembly,
  ballot: Ballot,
  action: 'open' | 'close',
  form: Form = {}
) {
  return client
    .post(`/assemblies/${assembly.id}/ballots/${ballot.id}/${action}`)
    .form(form)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

export async function openIt(client: ApiClient, user: User, assembly: Assembly, ballot: Ballot) {
  const response = await chairPost(client, user, assembly, ballot, 'open')
  response.assertStatus(302)
  response.assertHeader('location', `/assemblies/${assembly.id}/chair`)
  await ballot.refresh()
  if (ballot.status !== 'open') throw new Error(`The ballot did not open: ${ballot.status}`)
}

export async function status(client: ApiClient, user: User, assembly: Assembly, ballot: Ballot) {
  const response = await client
    .get(`/assemblies/${assembly.id}/ballots/${ballot.id}/status`)
    .loginAs(user)
  response.assertStatus(200)
  return response.body() as {
    id: number
    status: string
    cast?: number
    missing?: number
    lines: string[]
  }
}

/** One vote through an organisation's personal link, cast by `caster` for `forId`. */
export async function vote(
  client: ApiClient,
  assembly: Assembly,
  ballot: Ballot,
  caster: Organisation,
  choice: Form,
  forId = caster.id
) {
  const path = await linkPath(assembly, caster.id)
  const response = await client
    .post(`${path}/ballots/${ballot.id}/vote`)
    .form({ for_organisation_id: String(forId), ...choice })
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  response.assertHeader('location', path)
  return response
}

export const RECORDED = 'Din stemme er afgivet.'

/** Each organisation votes for itself; every vote must be recorded. */
export async function voteAll(
  client: ApiClient,
  assembly: Assembly,
  ballot: Ballot,
  votes: [Organisation, Form][]
) {
  for (const [organisation, choice] of votes) {
    ;(await vote(client, assembly, ballot, organisation, choice)).assertFlashMessage(
      'success',
      RECORDED
    )
  }
}

export function optionId(ballot: Ballot, label: string) {
  const option = ballot.options.find((candidate) => candidate.label === label)
  if (!option) throw new Error(`No option ${label}`)
  return String(option.id)
}
