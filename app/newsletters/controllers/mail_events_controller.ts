import { createHash, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import {
  readDeliveryReport,
  readJsonEvent,
  UnreadableReport,
  type MailEventReport,
} from '#newsletters/bounces/mail_event_report'
import { RecordMailEvents } from '#newsletters/actions/record_mail_events'

/** Each event is looked up and recorded in the database: a post is a batch, not a dump. */
const MAX_EVENTS_PER_POST = 1000

/**
 * POST /webhooks/mail-events: bounces and complaints from the mail server
 * (a piped RFC 3464 report) or a sending provider (JSON). Authenticated by
 * MAIL_EVENTS_SECRET as a bearer token; without it set, every post is refused.
 */
export default class MailEventsController {
  async store({ request, response }: HttpContext) {
    if (!authorised(request.header('authorization'))) {
      return response.unauthorized({ error: 'A valid bearer token is required.' })
    }
    const events = request.is(['json']) ? ([] as unknown[]).concat(request.body() as unknown) : null
    if (events && events.length > MAX_EVENTS_PER_POST) {
      return response.requestEntityTooLarge({
        error: `At most ${MAX_EVENTS_PER_POST} events per post; send the rest in further posts.`,
      })
    }
    let reports: MailEventReport[]
    try {
      reports = events
        ? await Promise.all(events.map((event) => readJsonEvent(event)))
        : await readDeliveryReport(Buffer.from(request.raw() ?? '', 'utf8'))
    } catch (error) {
      if (!(error instanceof UnreadableReport)) throw error
      return response.unprocessableEntity({ error: error.message })
    }
    const recorded = await new RecordMailEvents().handle(reports)
    return {
      recorded: recorded.length,
      suppressed: recorded.filter((event) => event.suppressed).length,
    }
  }
}

function authorised(header: string | undefined) {
  const secret = env.get('MAIL_EVENTS_SECRET')?.release()
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1]
  if (!secret || !given) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(secret), digest(given))
}
