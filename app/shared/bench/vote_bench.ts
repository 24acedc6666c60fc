import { performance } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { issueAssemblyLink } from '#assemblies/links'
// The same set-up the assembly tests use.
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'
import type { Figure } from '#shared/bench/report'
import { logIn, visit, type Visitor } from '#shared/bench/visitor'

const VOTERS = 500

/** 500 members present, each with a personal link, and an open electronic yes/no ballot. */
async function assemblyOfMany() {
  const { assembly, organisations } = await assemblyWithMembers({ members: VOTERS })
  const ballot = await openBallot(assembly)
  const links = []
  for (const organisation of organisations) {
    links.push({
      link: await issueAssemblyLink(assembly.id, organisation.id),
      organisationId: organisation.id,
    })
  }
  return { assemblyId: assembly.id, ballotId: ballot.id, links }
}

/** The chair's live stream: the times at which each count of cast votes arrived. */
async function chairStream(base: string, assemblyId: number, staff: Visitor) {
  const uid = randomUUID()
  const arrivals: { at: number; cast: number }[] = []
  const controller = new AbortController()
  const response = await fetch(`${base}/__transmit/events?uid=${uid}`, {
    headers: { cookie: staff.cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  const reading = (async () => {
    let buffered = ''
    try {
      while (true) {
        const { value, done } = await reader.read()
        if (done) return
        buffered += decoder.decode(value, { stream: true })
        const events = buffered.split('\n\n')
        buffered = events.pop() ?? ''
        for (const event of events) {
          const cast = /"cast":(\d+)/.exec(event)
          if (cast) arrivals.push({ at: performance.now(), cast: Number(cast[1]) })
        }
      }
    } catch {
      // Aborted at the end.
    }
  })()
  const subscribed = await fetch(`${base}/__transmit/subscribe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cookie': staff.cookie,
      'x-csrf-token': staff.csrf,
    },
    body: JSON.stringify({ uid, channel: `assemblies/${assemblyId}/live` }),
  })
  if (!subscribed.ok) throw new Error(`the chair could not subscribe: ${subscribed.status}`)
  return {
    arrivals,
    stop: async () => {
      controller.abort()
      await reading
    },
  }
}

/**
 * 500 delegates voting from their phones at once on MariaDB while the
 * chair's screen follows the count: all recorded, none twice, and how long
 * after each vote was sent the chair saw a count that includes it.
 */
export async function voteBurstFigure(base: string, log: (line: string) => void): Promise<Figure> {
  log(`vote_burst: ${VOTERS} members checked in, each with a link…`)
  const { assemblyId, ballotId, links } = await assemblyOfMany()
  const delegates: (Visitor & { url: string; organisationId: number })[] = []
  for (let start = 0; start < links.length; start += 50) {
    const pages = await Promise.all(
      links.slice(start, start + 50).map(async ({ link, organisationId }) => {
        const url = new URL(new URL(link).pathname, base).toString()
        return { ...(await visit(url)), url, organisationId }
      })
    )
    delegates.push(...pages)
  }
  const staff = await logIn(base, 'board@example.org', '/assemblies')
  const stream = await chairStream(base, assemblyId, staff)

  log(`vote_burst: ${VOTERS} votes at once…`)
  const sent: { at: number; done: number; ok: boolean }[] = []
  await Promise.all(
    delegates.map(async (delegate) => {
      const at = performance.now()
      const response = await fetch(`${delegate.url}/ballots/${ballotId}/vote`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'cookie': delegate.cookie,
        },
        body: new URLSearchParams({
          for_organisation_id: String(delegate.organisationId),
          answer: 'yes',
          _csrf: delegate.csrf,
        }),
      })
      sent.push({ at, done: performance.now(), ok: response.status === 302 })
    })
  )
  const deadline = performance.now() + 30_000
  while (!stream.arrivals.some((a) => a.cast >= VOTERS) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await stream.stop()

  const recorded = await db
    .from('ballot_voters')
    .where('ballot_id', ballotId)
    .count('* as total')
    .first()
  const distinct = await db
    .from('ballot_voters')
    .where('ballot_id', ballotId)
    .countDistinct('organisation_id as total')
    .first()
  // The k-th vote answered is in every count of k or more; its latency runs from its sending.
  const answered = [...sent].sort((a, b) => a.done - b.done)
  const latencies = answered.map((vote, index) => {
    const shown = stream.arrivals.find(
      (arrival) => arrival.cast >= index + 1 && arrival.at >= vote.at
    )
    return shown ? shown.at - vote.at : Number.POSITIVE_INFINITY
  })
  latencies.sort((a, b) => a - b)
  const lastShown = stream.arrivals.find((arrival) => arrival.cast >= VOTERS)
  const firstSent = Math.min(...sent.map((vote) => vote.at))
  return {
    name: 'vote_burst',
    value: lastShown ? lastShown.at - firstSent : Number.POSITIVE_INFINITY,
    unit: 'ms until the chair sees all',
    target: 'all recorded, none twice, p95 < 1000 ms',
    recorded: Number(recorded.total),
    twice: Number(recorded.total) - Number(distinct.total),
    refused: sent.filter((vote) => !vote.ok).length,
    p95_ms: latencies[Math.floor(latencies.length * 0.95)],
  }
}
