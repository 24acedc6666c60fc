import i18nManager from '@adonisjs/i18n/services/main'
import { escapeHtml } from '#newsletters/compose/placeholders'
import { plainTextOf } from '#newsletters/compose/issue_message'
import { publicCopy } from '#newsletters/sharing/web_copy'
import { shareUrl } from '#newsletters/reader_links'
import type NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import type NewsletterForward from '#newsletters/models/newsletter_forward'
import { sharerFirstName } from '#newsletters/sharing/shared_copy'

/**
 * The colleague's copy: the reader's note on top, then the issue as anyone
 * may read it, whose share and subscribe links credit the reader.
 */
export function forwardMessage(forward: NewsletterForward, delivery: NewsletterDelivery) {
  const i18n = i18nManager.locale('da')
  const sharer = sharerFirstName(delivery) ?? i18n.t('newsletters.forward.someone')
  const subscribeUrl = shareUrl(delivery.id)
  const intro = i18n.t('newsletters.forward.mail_intro', { name: sharer })
  const offer = i18n.t('newsletters.forward.mail_offer')
  const noteHtml = forward.note
    ? `<p style="margin:0 0 8px;white-space:pre-line">${escapeHtml(forward.note)}</p>`
    : ''
  const box =
    `<div style="max-width:600px;margin:16px auto;padding:16px;background:#ffffff;border:1px solid #d6dae3;font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1d2330">` +
    `<p style="margin:0 0 8px"><strong>${escapeHtml(intro)}</strong></p>${noteHtml}` +
    `<p style="margin:0"><a href="${escapeHtml(subscribeUrl)}">${escapeHtml(offer)}</a></p></div>`
  const issueHtml = publicCopy(delivery.issue, delivery.issue.lists[0]?.slug ?? null, subscribeUrl)
  const html = issueHtml.replace(/<body[^>]*>/i, (tag) => `${tag}${box}`)
  const text = [intro, ...(forward.note ? [forward.note] : []), `${offer}: ${subscribeUrl}`]
  return {
    subject: i18n.t('newsletters.forward.mail_subject', {
      name: sharer,
      subject: delivery.issue.subject,
    }),
    html,
    text: [...text, '', plainTextOf(issueHtml)].join('\n'),
  }
}
