import { fillTemplate, splitAtPlaceholders } from '#newsletters/compose/placeholders'
import { webVersionUrl } from '#newsletters/reader_links'
import type NewsletterIssue from '#newsletters/models/newsletter_issue'
import { absoluteUrlFor } from '#shared/absolute_url'

/**
 * Whether anyone may read the issue by its id alone: sent, and only to public
 * lists. A draft (test sends compile it) or an issue for members only is read
 * through the keyed link its readers got.
 */
export function isOpenToAll(issue: Pick<NewsletterIssue, 'status' | 'lists'>) {
  return (
    issue.status === 'sent' && issue.lists.length > 0 && issue.lists.every((list) => list.isPublic)
  )
}

/**
 * The issue as anyone may read it: no reader's name and no reader's links.
 * A share link passed in makes the copy's share and subscribe links credit
 * that reader (a colleague's forwarded copy).
 */
export function publicCopy(
  issue: { id: number; compiledHtml: string | null },
  listSlug: string | null,
  creditedShareUrl: string | null = null
) {
  const web = webVersionUrl(issue.id)
  const subscribe = listSlug ? absoluteUrlFor('subscribe.show', { slug: listSlug }) : web
  return fillTemplate(splitAtPlaceholders(issue.compiledHtml ?? ''), {
    first_name: 'læser',
    share_url: creditedShareUrl ?? web,
    forward_url: creditedShareUrl ?? web,
    unsubscribe_url: subscribe,
    preferences_url: subscribe,
    web_url: web,
  })
}
