import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { isOpenToAll, publicCopy } from '#newsletters/sharing/web_copy'
import { verifyWebVersionKey, webVersionKey } from '#newsletters/reader_links'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { reviewIssue } from '#newsletters/checks/review_issue'

/** Newsletters are e-mail HTML: inline styles and pictures from anywhere, and no scripts at all. */
const NEWSLETTER_CSP =
  "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; font-src *; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

/** The web version of each issue sent, and each list's archive. */
export default class WebVersionController {
  async show({ params, request, response }: HttpContext) {
    const issue = await NewsletterIssue.query().where('id', params.id).preload('lists').first()
    // Counting ids finds only what is public anyway; the rest needs the key its readers were given.
    if (!issue || !(isOpenToAll(issue) || verifyWebVersionKey(issue.id, request.qs().k))) {
      throw new lucidErrors.E_ROW_NOT_FOUND()
    }
    // A draft's key is only in its test mails: its web version is the draft as it stands.
    if (issue.compiledHtml === null) {
      if (issue.status !== 'draft') throw new lucidErrors.E_ROW_NOT_FOUND()
      const review = await reviewIssue(issue, await getAssociationSettings())
      if (!review.html) throw new lucidErrors.E_ROW_NOT_FOUND()
      issue.compiledHtml = review.html
    }
    response.header('Content-Security-Policy', NEWSLETTER_CSP)
    // The share page shows it in a frame of its own origin.
    response.header('X-Frame-Options', 'SAMEORIGIN')
    const subscribeTo = issue.lists.find((list) => list.isPublic)?.slug ?? null
    return response.type('text/html').send(publicCopy(issue, subscribeTo))
  }

  async archive({ params, view }: HttpContext) {
    const list = await NewsletterList.query()
      .where('slug', params.slug)
      .where('is_public', true)
      .where('archive_public', true)
      .firstOrFail()
    const issues = await NewsletterIssue.query()
      .whereHas('lists', (lists) => lists.where('newsletter_lists.id', list.id))
      .where('status', 'sent')
      .orderBy('sent_at', 'desc')
    return view.render('newsletters/archive', {
      list,
      issues,
      webVersionKey,
      association: await getAssociationSettings(),
    })
  }
}
