import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import ConsentText from '#newsletters/models/consent_text'

/** The words a reader agrees to today: the list's latest consent text, if it has one. */
export async function currentConsentText(listId: number, client?: QueryClientContract) {
  return ConsentText.query({ client }).where('list_id', listId).orderBy('version', 'desc').first()
}
