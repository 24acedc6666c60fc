import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import NewsletterTestCopy from '#newsletters/models/newsletter_test_copy'
import { verifyReaderToken } from '#newsletters/reader_links'
import { isUniqueViolation } from '#shared/database_constraints'

/**
 * The test copy behind a share token, with its issue and address; null for
 * a token not signed as a test copy's or an address erased since.
 */
export async function findTestCopy(token: string) {
  const id = verifyReaderToken('test_share', token)
  if (!id) return null
  const copy = await NewsletterTestCopy.query()
    .where('id', id)
    .preload('issue', (issue) => issue.preload('lists'))
    .preload('subscriber')
    .first()
  if (!copy || copy.subscriber.erasedAt) return null
  return copy
}

/** The address's test copy of the issue, made at its first test and kept for the next. */
export async function keepTestCopy(
  trx: TransactionClientContract,
  issueId: number,
  subscriberId: number
) {
  const existing = () =>
    NewsletterTestCopy.query({ client: trx })
      .where({ issue_id: issueId, subscriber_id: subscriberId })
      .first()
  const found = await existing()
  if (found) return found
  try {
    return await NewsletterTestCopy.create({ issueId, subscriberId }, { client: trx })
  } catch (error) {
    // Two tests to the same address at once: both use the row the first one made.
    if (!isUniqueViolation(error)) throw error
    return (await existing())!
  }
}
