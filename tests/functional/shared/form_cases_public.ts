import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { plannedAssembly } from '#tests/functional/assemblies/helpers'
import {
  contactIds,
  organisationWithPrimary,
  type FormCase,
} from '#tests/functional/shared/form_cases'

/** The public pages' and the member portal's forms, each failing on one field. */
export const PUBLIC_FORM_CASES: FormCase[] = [
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
    route: 'subscribe.store_embedded',
    who: 'guest',
    setup: async () => {
      const list = await NewsletterListFactory.merge({ slug: 'nyt', isPublic: true })
        .with('consentTexts', 1)
        .create()
      return { ids: { list: list.id } }
    },
    page: () => '/nyhedsbrev/nyt/indlejret',
    method: 'post',
    action: () => '/nyhedsbrev/nyt/indlejret',
    form: { email: 'åse@', name: 'Åse "Ø" Berg', consent: 'on' },
    invalid: 'email',
    status: 422,
    idOf: (name) => `embed-${name}`,
  },
  {
    route: 'portal_assemblies.submit_motion',
    who: 'member',
    setup: async () => {
      const member = await organisationWithPrimary()
      // Two assemblies open for motions: two forms with the same field names on the page.
      const [first, second] = [await plannedAssembly(30), await plannedAssembly(40, 'Ekstra')]
      for (const assembly of [first, second]) {
        assembly.status = 'notice_sent'
        await assembly.save()
      }
      return { ...member, ids: { ...member.ids, assembly: second.id } }
    },
    page: () => '/medlem/generalforsamlinger',
    method: 'post',
    action: (ids) => `/medlem/generalforsamlinger/${ids.assembly}/forslag`,
    form: { title: 'Grønnere kontingent', body: '', changes_statutes: '1' },
    invalid: 'body',
    hidden: (ids) => ({ _form: `motion-${ids.assembly}` }),
    idOf: (name, ids) => `field-motion-${ids.assembly}-${name}`,
  },
]
