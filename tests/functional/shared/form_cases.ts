import { DateTime } from 'luxon'
import Contact from '#members/models/contact'
import { OrganisationFactory, TierFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { UserFactory } from '#database/factories/user_factory'
import { plannedAssembly } from '#tests/functional/assemblies/helpers'

/**
 * One form and a submission of it that fails on one field while every other
 * field holds something typed: what the person must find again on the page.
 */
export type FormCase = {
  /** The route the form submits to, as the views name it. */
  route: string
  who: 'admin' | 'member' | 'guest'
  setup?: () => Promise<{ ids?: Record<string, number>; contact?: Contact }>
  page: (ids: Record<string, number>) => string
  method: 'post' | 'put'
  action: (ids: Record<string, number>) => string
  form: Record<string, string>
  /** The field whose value is refused. */
  invalid: string
  /** Boxes stored as ticked that the person unticked: they must stay unticked. */
  unticked?: string[]
  /** Hidden inputs the page's form sends along, as a browser would. */
  hidden?: (ids: Record<string, number>) => Record<string, string>
  /** The input's id, when the page has several forms with these field names. */
  idOf?: (name: string, ids: Record<string, number>) => string
}

/** The ids contact_fields gives a contact form's inputs. */
function contactIds(prefix: string) {
  return (name: string) => `${prefix}-${name.replace(/^is_/, '')}`
}

async function organisationWithPrimary() {
  const organisation = await OrganisationFactory.merge({ name: 'Æblehaven' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'lene@aeblehaven.example.org', name: 'Lene Lund' })
    )
    .create()
  const [contact] = await Contact.query().where('organisation_id', organisation.id)
  return { ids: { organisation: organisation.id, contact: contact.id }, contact }
}

const nextYear = String(DateTime.now().year + 1)

export const FORM_CASES: FormCase[] = [
  {
    route: 'settings.update',
    who: 'admin',
    page: () => '/settings',
    method: 'put',
    action: () => '/settings',
    form: {
      name: 'Social Talks & Co',
      cvr: '10150817',
      address: 'Vesterbrogade 1, 2. "th"',
      postcode: '800',
      city: 'København V',
      email: 'sekretariat@example.org',
      phone: '+45 33 12 34 56',
      bank_reg_no: '1234',
      bank_account_no: '0012345678',
      founded_on: '2021-01-15',
      notice_days: '21',
      motion_deadline_days: '0',
      proxies_per_organisation: '0',
      dues_grace_months: '0',
      extraordinary_request_percent: '10',
      vat_exemption_text: 'Momsfritaget <efter> § 13',
    },
    invalid: 'postcode',
    // Stored ticked by the defaults; the person unticked them.
    unticked: ['vat_exempt'],
  },
  {
    route: 'staff.store',
    who: 'admin',
    page: () => '/staff',
    method: 'post',
    action: () => '/staff',
    form: { full_name: 'Karen Ølgaard', email: 'karen@', role: 'treasurer', locale: 'en' },
    invalid: 'email',
  },
  {
    route: 'organisations.store',
    who: 'admin',
    page: () => '/members/new',
    method: 'post',
    action: () => '/members',
    form: {
      name: 'Socialt Udviklingscenter SUS',
      type: 'ngo',
      legal_form: 'Forening',
      cvr: '12345678',
      address: 'Kongensgade 1',
      postcode: '5000',
      city: 'Odense C',
      website: 'sus.dk',
      notes: 'Ringer tilbage i maj',
      status: 'applicant',
      joined_on: '2026-02-01',
      contact_name: 'Søren Ås',
      contact_email: 'soren@sus.example.org',
      contact_phone: '12345678',
    },
    invalid: 'cvr',
  },
  {
    route: 'organisations.update',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}/edit`,
    method: 'put',
    action: (ids) => `/members/${ids.organisation}`,
    form: {
      name: 'Æblehaven Nord',
      type: 'ngo',
      legal_form: 'Forening',
      cvr: '',
      address: 'Skovvej 0',
      postcode: '12',
      city: 'Aabenraa',
      website: 'aeblehaven.dk',
      notes: '0',
      invoice_reference: 'Ordre 0',
    },
    invalid: 'postcode',
  },
  {
    route: 'fees.store_tier',
    who: 'admin',
    page: () => '/dues/fees',
    method: 'post',
    action: () => '/dues/tiers',
    form: { name: '', description: 'Små foreninger under 10 ansatte' },
    invalid: 'name',
  },
  {
    route: 'fees.store_fee',
    who: 'admin',
    setup: async () => ({ ids: { tier: (await TierFactory.merge({ name: 'Små' }).create()).id } }),
    page: () => '/dues/fees',
    method: 'post',
    action: () => '/dues/fees',
    form: { tier_id: '', year: nextYear, amount: '1.250,50' },
    invalid: 'tier_id',
  },
  {
    route: 'fees.save_settings',
    who: 'admin',
    page: () => '/dues/fees',
    method: 'put',
    action: () => '/dues/settings',
    form: {
      dues_proration: 'quarters',
      invoice_due_days: '0',
      reminder_fee: '0,00',
      reminder_interval_days: '14',
      dues_income_account: '1010',
      fee_income_account: '1020',
      debtors_account: '5600',
      bank_account: '5820',
      vat_account: '',
    },
    invalid: 'invoice_due_days',
  },
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
    route: 'membership_application.store',
    who: 'guest',
    page: () => '/bliv-medlem',
    method: 'post',
    action: () => '/bliv-medlem',
    form: {
      name: 'Foreningen Ø',
      type: 'ngo',
      cvr: '',
      address: 'Havnegade 0',
      postcode: '8000',
      city: 'Aarhus C',
      website: 'oe.dk',
      message: 'Vi vil gerne være med',
      contact_name: 'Ida Ø',
      contact_email: 'ida@',
      contact_phone: '0',
    },
    invalid: 'contact_email',
  },
  {
    route: 'session.store',
    who: 'guest',
    page: () => '/login',
    method: 'post',
    action: () => '/login',
    form: { email: 'ikke-en-adresse' },
    invalid: 'email',
  },
  {
    route: 'subscribe.store',
    who: 'guest',
    setup: async () => {
      const list = await NewsletterListFactory.merge({ slug: 'nyt', isPublic: true })
        .with('consentTexts', 1)
        .create()
      return { ids: { list: list.id } }
    },
    page: () => '/nyhedsbrev/nyt',
    method: 'post',
    action: () => '/nyhedsbrev/nyt',
    form: { email: 'åse@', name: 'Åse Øberg' },
    invalid: 'email',
  },
  {
    route: 'portal_organisation.update',
    who: 'member',
    setup: organisationWithPrimary,
    page: () => '/medlem/organisation',
    method: 'put',
    action: () => '/medlem/organisation',
    form: { address: 'Skovvej 0', postcode: '80', city: 'Aarhus', website: 'aeblehaven.dk' },
    invalid: 'postcode',
  },
  {
    route: 'contacts.store',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'post',
    action: (ids) => `/members/${ids.organisation}/contacts`,
    form: {
      name: 'Bo Ø',
      title: 'Kasserer "på prøve"',
      email: 'bo@',
      phone: '0',
      is_billing: '1',
      is_delegate: '1',
    },
    invalid: 'email',
    hidden: () => ({ _form: 'new-contact' }),
    idOf: contactIds('new-contact'),
  },
  {
    route: 'contacts.update',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'put',
    action: (ids) => `/members/${ids.organisation}/contacts/${ids.contact}`,
    form: {
      name: 'L',
      title: '',
      email: 'lene@aeblehaven.example.org',
      phone: '',
      is_newsletter: '1',
    },
    invalid: 'name',
    // The primary contact unticked "primary" in a submission that failed.
    unticked: ['is_primary'],
    hidden: (ids) => ({ _form: `contact-${ids.contact}` }),
    idOf: (name, ids) => contactIds(`contact-${ids.contact}`)(name),
  },
  {
    route: 'portal_contacts.store',
    who: 'member',
    setup: organisationWithPrimary,
    page: () => '/medlem/organisation',
    method: 'post',
    action: () => '/medlem/contacts',
    form: {
      name: 'Bo Ø',
      title: 'Frivillig',
      email: 'bo@',
      phone: '+45 12 34 56 78',
      is_delegate: '1',
    },
    invalid: 'email',
    hidden: () => ({ _form: 'new-contact' }),
    idOf: contactIds('new-contact'),
  },
  {
    route: 'portal_contacts.update',
    who: 'member',
    setup: organisationWithPrimary,
    page: () => '/medlem/organisation',
    method: 'put',
    action: (ids) => `/medlem/contacts/${ids.contact}`,
    form: { name: 'Lene Lund', title: 'Leder', email: 'lene@', phone: '0', is_primary: '1' },
    invalid: 'email',
    hidden: (ids) => ({ _form: `contact-${ids.contact}` }),
    idOf: (name, ids) => contactIds(`contact-${ids.contact}`)(name),
  },
  {
    route: 'staff.update',
    who: 'admin',
    setup: async () => ({ ids: { user: (await UserFactory.apply('board').create()).id } }),
    page: (ids) => `/staff/${ids.user}/edit`,
    method: 'put',
    action: (ids) => `/staff/${ids.user}`,
    form: { full_name: 'K', role: 'secretariat' },
    invalid: 'full_name',
    // Active until now: the admin unticked it in the submission that failed.
    unticked: ['is_active'],
  },
  {
    route: 'password_reset.store',
    who: 'guest',
    page: () => '/forgot-password',
    method: 'post',
    action: () => '/forgot-password',
    form: { email: 'ikke en adresse' },
    invalid: 'email',
  },
  {
    route: 'portal_session.request_link',
    who: 'guest',
    page: () => '/medlem',
    method: 'post',
    action: () => '/medlem',
    form: { email: 'lene@' },
    invalid: 'email',
  },
  {
    route: 'portal_name_change.store',
    who: 'member',
    setup: organisationWithPrimary,
    page: () => '/medlem/organisation',
    method: 'post',
    action: () => '/medlem/name-change',
    form: { name: 'Æ' },
    invalid: 'name',
  },
  {
    route: 'membership_status.store',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'post',
    action: (ids) => `/members/${ids.organisation}/status`,
    form: { to: 'resigned', changed_on: '2026-02-30', reason: 'Udmeldt pr. brev' },
    invalid: 'changed_on',
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
  },
]
