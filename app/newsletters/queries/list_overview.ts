import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'

/** Each list with its current consent version and how many readers are active or waiting. */
export async function listOverview() {
  const lists = await NewsletterList.query()
    .preload('consentTexts', (texts) => texts.orderBy('version', 'desc'))
    .orderBy('name')
  const counts = await db
    .from('subscriptions')
    .select('list_id', 'status')
    .count('* as total')
    .groupBy('list_id', 'status')
  const countFor = (listId: number, status: string) =>
    Number(counts.find((row) => row.list_id === listId && row.status === status)?.total ?? 0)
  return lists.map((list) => ({
    list,
    consent: list.consentTexts[0] ?? null,
    active: countFor(list.id, 'active'),
    pending: countFor(list.id, 'pending'),
  }))
}
