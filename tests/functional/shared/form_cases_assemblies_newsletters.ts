import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { plannedAssembly } from '#tests/functional/assemblies/helpers'
import { storedMediaForRoutes } from '#tests/helpers/media_images'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type { FormCase } from '#tests/functional/shared/form_cases'

async function draftIssue() {
  const issue = await NewsletterIssue.create({
    subject: 'Velkommen',
    bodyMjml:
      '<mj-section><mj-column><mj-text>Kære {{ first_name }}.</mj-text></mj-column></mj-section>',
    status: 'draft',
    createdBy: 'x',
  })
  return { ids: { issue: issue.id } }
}

/** The staff's forms for assemblies and newsletters, each failing on one field. */
export const MEETING_AND_NEWSLETTER_FORM_CASES: FormCase[] = [
  {
    route: 'newsletter_lists.store',
    who: 'admin',
    page: () => '/newsletters/lists/new',
    method: 'post',
    action: () => '/newsletters/lists',
    form: {
      name: 'Nyt fra SUS',
      slug: 'Ikke en slug!',
      description: 'Fire gange om året',
      consent_text: 'Jeg vil gerne have nyhedsbrevet fire gange om året.',
      is_public: '1',
    },
    invalid: 'slug',
  },
  {
    route: 'subscribers.update',
    who: 'admin',
    setup: async () => ({
      ids: { subscriber: (await SubscriberFactory.merge({ email: 'a@example.org' }).create()).id },
    }),
    page: (ids) => `/newsletters/subscribers/${ids.subscriber}/edit`,
    method: 'put',
    action: (ids) => `/newsletters/subscribers/${ids.subscriber}`,
    form: { email: 'ikke en adresse', name: 'Åse Øberg' },
    invalid: 'email',
  },
  {
    route: 'assemblies.store',
    who: 'admin',
    page: () => '/assemblies/new',
    method: 'post',
    action: () => '/assemblies',
    form: {
      kind: 'extraordinary',
      title: 'Ekstraordinær generalforsamling 2026',
      starts_at: '2026-13-40T19:00',
      place: 'Fælleshuset',
      meeting_url: 'https://moede.example.org/gf',
      motion_deadline: '2026-05-01',
      requested_by: 'Tre medlemmer',
    },
    invalid: 'starts_at',
  },
  {
    route: 'newsletter_lists.update',
    who: 'admin',
    setup: async () => ({
      ids: { list: (await NewsletterListFactory.with('consentTexts', 1).create()).id },
    }),
    page: (ids) => `/newsletters/lists/${ids.list}/edit`,
    method: 'put',
    action: (ids) => `/newsletters/lists/${ids.list}`,
    form: {
      name: 'N',
      slug: 'nyt-fra-os',
      description: '',
      consent_text: 'Jeg vil gerne have nyhedsbrevet, og kan altid framelde mig igen.',
      for_members: '1',
    },
    invalid: 'name',
    unticked: ['is_public', 'archive_public'],
  },
  {
    route: 'assemblies.add_agenda_item',
    who: 'admin',
    setup: async () => ({ ids: { assembly: (await plannedAssembly()).id } }),
    page: (ids) => `/assemblies/${ids.assembly}`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/agenda`,
    form: { title: '', description: 'Forslag om "grønt" budget' },
    invalid: 'title',
    // The page also holds the motion and the assembly's own form, each with a title.
    hidden: () => ({ _form: 'agenda' }),
    idOf: (name) => `field-agenda-${name}`,
  },
  {
    route: 'assemblies.store_motion',
    who: 'admin',
    setup: async () => ({ ids: { assembly: (await plannedAssembly()).id } }),
    page: (ids) => `/assemblies/${ids.assembly}`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/motions`,
    form: { title: 'Nye vedtægter', body: '', changes_statutes: '1' },
    invalid: 'body',
    hidden: () => ({ _form: 'motion' }),
    idOf: (name) => `field-motion-${name}`,
  },
  {
    route: 'media_library.describe',
    who: 'admin',
    setup: async () => ({ ids: { media: (await storedMediaForRoutes()).id } }),
    page: () => '/newsletters/media',
    method: 'put',
    action: (ids) => `/newsletters/media/${ids.media}/alt-text`,
    hidden: (ids) => ({ media_id: String(ids.media) }),
    // One character too long (a paste), with a quote: it comes back whole.
    form: { alt_text: 'Fire "frivillige" på trappen. '.padEnd(251, 'æ') },
    invalid: 'alt_text',
    idOf: (_name, ids) => `alt-${ids.media}`,
  },
  {
    route: 'issues.send_test',
    who: 'admin',
    setup: draftIssue,
    page: (ids) => `/newsletters/issues/${ids.issue}/edit`,
    method: 'post',
    action: (ids) => `/newsletters/issues/${ids.issue}/test`,
    form: { addresses: 'anna@example.org, bo@' },
    invalid: 'addresses',
  },
  {
    route: 'issue_templates.store',
    who: 'admin',
    setup: draftIssue,
    page: (ids) => `/newsletters/issues/${ids.issue}/edit`,
    method: 'post',
    action: (ids) => `/newsletters/issues/${ids.issue}/template`,
    form: { name: 'Å', description: 'Månedens nyt, "kort"' },
    invalid: 'name',
  },
  {
    route: 'issues.update',
    who: 'admin',
    setup: async () => {
      const { ids } = await draftIssue()
      const list = await NewsletterListFactory.merge({ name: 'Nyt fra SUS' }).create()
      const issue = await NewsletterIssue.findOrFail(ids.issue)
      await issue.related('lists').attach([list.id])
      return { ids: { ...ids, list: list.id } }
    },
    page: (ids) => `/newsletters/issues/${ids.issue}/edit`,
    method: 'put',
    action: (ids) => `/newsletters/issues/${ids.issue}`,
    // A new body and no list: both kept although only the subject was refused.
    form: {
      subject: 'V',
      preheader: 'Kort "nyt" fra os',
      body_mjml: '<mj-section><mj-column><mj-text>Kære Åse & Bo</mj-text></mj-column></mj-section>',
    },
    hidden: () => ({ editor: 'code' }),
    invalid: 'subject',
    unticked: ['lists[]'],
    idOf: (name, ids) => (name === 'lists[]' ? `issue-list-${ids.list}` : `field-${name}`),
  },
]
