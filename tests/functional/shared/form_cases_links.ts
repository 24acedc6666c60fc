import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { readerToken } from '#newsletters/reader_links'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { linkPath, plannedAssembly } from '#tests/functional/assemblies/helpers'
import { organisationWithPrimary, type FormCase } from '#tests/functional/shared/form_cases'

/** A reader's copy of a sent issue on a public list: the share page's link. */
async function sharedCopy() {
  const list = await NewsletterListFactory.merge({ isPublic: true })
    .with('consentTexts', 1)
    .create()
  const sharer = await SubscriberFactory.merge({ email: 'ida@example.org', name: 'Ida' }).create()
  await subscribeTo(sharer, list)
  const { delivery, issue } = await sentIssueFor(list, sharer)
  return { ids: { token: readerToken('share', delivery.id), list: list.id }, issue }
}

/** The forms behind links sent by mail, opened without a login, each failing on one field. */
export const LINK_FORM_CASES: FormCase[] = [
  {
    route: 'share.forward',
    who: 'guest',
    setup: async () => ({ ids: (await sharedCopy()).ids }),
    page: (ids) => `/del/${ids.token}/videresend`,
    method: 'post',
    action: (ids) => `/del/${ids.token}/videresend`,
    // The note was rewritten; a mistyped address must not cost it.
    form: { email: 'ven@', note: 'Hej Bo, læs "den" om kontingentet <3' },
    invalid: 'email',
  },
  {
    route: 'share.subscribe',
    who: 'guest',
    setup: async () => {
      const { ids, issue } = await sharedCopy()
      // Two public lists on the issue: the reader chooses one, and that choice must stay.
      const other = await NewsletterListFactory.merge({ isPublic: true, name: 'Ugens nyt' })
        .with('consentTexts', 1)
        .create()
      await issue.related('lists').attach([other.id])
      return { ids: { ...ids, other: other.id } }
    },
    page: (ids) => `/del/${ids.token}`,
    method: 'post',
    action: (ids) => `/del/${ids.token}/tilmeld`,
    form: { email: 'åse@', name: 'Åse "Ø" Berg', consent: '1' },
    invalid: 'email',
    hidden: (ids) => ({ list_id: String(ids.other) }),
    unticked: ['list_id'],
    idOf: (name, ids) => (name === 'list_id' ? `share-list-${ids.list}` : `field-${name}`),
  },
  {
    route: 'delegate.check_in',
    who: 'guest',
    setup: async () => {
      const { ids } = await organisationWithPrimary()
      const path = await linkPath(await plannedAssembly(), Number(ids.organisation))
      return { ids: { path } }
    },
    page: (ids) => String(ids.path),
    method: 'post',
    action: (ids) => `${ids.path}/attendance`,
    // One letter is too short a name; it comes back to be finished, not retyped.
    form: { representative: 'Å' },
    invalid: 'representative',
  },
]
