import vine from '@vinejs/vine'
import type NewsletterIssue from '#newsletters/models/newsletter_issue'
import { currentConsentText } from '#newsletters/queries/current_consent_text'

export const listChoiceValidator = vine.create({ list_id: vine.number().withoutDecimals() })

/** The lists a share page offers: the issue's public ones, each with the consent text to accept. */
export async function offeredLists(issue: NewsletterIssue) {
  const lists = issue.lists.filter((list) => list.isPublic)
  const offers = []
  for (const list of lists) {
    const consent = await currentConsentText(list.id)
    if (consent) offers.push({ list, consent })
  }
  return offers
}
