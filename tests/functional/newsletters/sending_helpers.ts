import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type NewsletterList from '#newsletters/models/newsletter_list'
import type Subscriber from '#newsletters/models/subscriber'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'

/*
 * Shared set-up for the sending specs: a list with numbered readers and a
 * draft issue for it whose body uses the personal links.
 */
export const SECTIONS = [
  '<mj-section><mj-column>',
  '<mj-text>Kære {{ first_name }}, velkommen.</mj-text>',
  '<mj-button href="{{ share_url }}">Del</mj-button>',
  '<mj-text><a href="{{ forward_url }}">Send til en kollega</a></mj-text>',
  '</mj-column></mj-section>',
].join('\n')

export async function listWithReaders(count: number) {
  const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
    .with('consentTexts', 1)
    .create()
  const readers: Subscriber[] = []
  for (let index = 1; index <= count; index++) {
    const reader = await SubscriberFactory.merge({
      email: `laeser${index}@example.org`,
      name: `Navn${String(index).padStart(2, '0')}x`,
    }).create()
    await subscribeTo(reader, list, 'active')
    readers.push(reader)
  }
  return { list, readers }
}

export async function draftFor(list: NewsletterList, subject = 'Nyt fra foreningen') {
  const issue = await NewsletterIssue.create({
    subject,
    preheader: 'Kort fortalt',
    bodyMjml: SECTIONS,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  return issue
}
