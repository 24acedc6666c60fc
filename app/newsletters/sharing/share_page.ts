import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { escapeHtml } from '#newsletters/compose/placeholders'
import { verifyReaderToken } from '#newsletters/reader_links'

/** The one copy a share link stands for, as its page and its view count need it. */
export type SharedCopyHead = {
  id: number
  issueId: number
  subscriberId: number
  sharer: string | null
}

/*
| A link shared in a post is opened by many people within minutes, so what it
| stands for is read again only after a few seconds. An erased reader's link
| stops at once in the process that erased them and within those seconds in
| any other.
*/
const heads = new Map<number, { head: SharedCopyHead | null; until: number }>()

export async function findSharedCopyHead(token: string): Promise<SharedCopyHead | null> {
  const deliveryId = verifyReaderToken('share', token)
  if (!deliveryId) return null
  const known = heads.get(deliveryId)
  if (known && known.until > Date.now()) return known.head
  const head = await readSharedCopyHead(deliveryId)
  if (heads.size > 10_000) heads.clear()
  heads.set(deliveryId, { head, until: Date.now() + KEEP_MS })
  return head
}

/** After an erasure no share link shows what was erased; each test starts with nothing kept. */
export function forgetSharePages() {
  heads.clear()
  pages.clear()
}

async function readSharedCopyHead(deliveryId: number): Promise<SharedCopyHead | null> {
  const row = await db
    .from('newsletter_deliveries')
    .join('subscribers', 'subscribers.id', 'newsletter_deliveries.subscriber_id')
    .join('newsletter_issues', 'newsletter_issues.id', 'newsletter_deliveries.issue_id')
    .where('newsletter_deliveries.id', deliveryId)
    .whereNull('subscribers.erased_at')
    .whereNotNull('newsletter_issues.compiled_html')
    .select(
      'newsletter_deliveries.id',
      'newsletter_deliveries.issue_id',
      'newsletter_deliveries.subscriber_id',
      'subscribers.name'
    )
    .first()
  if (!row) return null
  return {
    id: Number(row.id),
    issueId: Number(row.issue_id),
    subscriberId: Number(row.subscriber_id),
    sharer: firstName(row.name),
  }
}

/** A first name at most: the sharer's address is never shown to the people they share with. */
export function firstName(name: string | null | undefined) {
  return name?.trim().split(/\s+/)[0] || null
}

/*
| Thousands may open one issue's share links within minutes of a send. The
| page is the same for all of them but for the token, the sharer's first
| name and the form's CSRF token, so it is rendered once per issue, language
| and with or without a name, with stand-ins for those three, and each view
| only puts the real values in. Kept a few seconds, so a changed list or
| consent text shows almost at once.
*/
const STAND_INS = {
  token: 'kreds0share0token0stand0in',
  sharer: 'KredsSharerStandIn',
  csrf: 'kreds0csrf0stand0in',
} as const
type Slot = keyof typeof STAND_INS
const SLOT_PATTERN = new RegExp(Object.values(STAND_INS).join('|'), 'g')
const SLOT_OF = Object.fromEntries(Object.entries(STAND_INS).map(([slot, text]) => [text, slot]))
const KEEP_MS = 5000

type CachedPage = { pieces: string[]; slots: Slot[]; until: number }
const pages = new Map<string, CachedPage>()

export type SharePageRender = (token: string, sharer: string | null) => Promise<string>

export async function sharePage(
  ctx: HttpContext,
  copy: SharedCopyHead,
  token: string,
  render: SharePageRender
) {
  const key = `${copy.issueId}:${ctx.i18n.locale}:${copy.sharer ? 'named' : 'anonymous'}`
  let page = pages.get(key)
  if (!page || page.until < Date.now()) {
    page = await renderWithStandIns(ctx, copy, render)
    if (pages.size > 200) pages.clear()
    pages.set(key, page)
  }
  const values: Record<Slot, string> = {
    token,
    sharer: escapeHtml(copy.sharer ?? ''),
    csrf: ctx.request.csrfToken,
  }
  let html = page.pieces[0]
  for (const [index, slot] of page.slots.entries()) html += values[slot] + page.pieces[index + 1]
  return html
}

async function renderWithStandIns(
  ctx: HttpContext,
  copy: SharedCopyHead,
  render: SharePageRender
): Promise<CachedPage> {
  const csrfToken = ctx.request.csrfToken
  ctx.request.csrfToken = STAND_INS.csrf
  let html: string
  try {
    html = await render(STAND_INS.token, copy.sharer ? STAND_INS.sharer : null)
  } finally {
    ctx.request.csrfToken = csrfToken
  }
  const pieces: string[] = []
  const slots: Slot[] = []
  let last = 0
  for (const match of html.matchAll(SLOT_PATTERN)) {
    pieces.push(html.slice(last, match.index))
    slots.push(SLOT_OF[match[0]] as Slot)
    last = match.index + match[0].length
  }
  pieces.push(html.slice(last))
  return { pieces, slots, until: Date.now() + KEEP_MS }
}
