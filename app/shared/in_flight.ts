import { setTimeout as sleep } from 'node:timers/promises'

let active = 0

/**
 * Requests the web server is still handling. A stopping server closes the
 * database after its terminating hooks; a request that was accepted just
 * before SIGTERM would otherwise open a fresh connection afterwards and
 * keep the process alive.
 */
export const requestsInFlight = {
  enter() {
    active++
  },
  leave() {
    active--
  },
  get count() {
    return active
  },
}

/** Resolves when no request is in flight, or after `timeoutMs` whatever remains. */
export async function untilNoRequestsInFlight(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (active > 0 && Date.now() < deadline) await sleep(20)
}
