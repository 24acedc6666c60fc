import Contact from '#members/models/contact'
import { OrganisationFactory } from '#database/factories/organisation_factory'

/** The records a case sets up: ids, and the tokens of links without a login. */
export type CaseIds = Record<string, number | string>

/**
 * One form and a submission of it that fails on one field while every other
 * field holds something typed: what the person must find again on the page.
 */
export type FormCase = {
  /** The route the form submits to, as the views name it. */
  route: string
  who: 'admin' | 'member' | 'guest'
  setup?: () => Promise<{ ids?: CaseIds; contact?: Contact }>
  page: (ids: CaseIds) => string
  method: 'post' | 'put'
  action: (ids: CaseIds) => string
  /** What was typed; a function where it names records the case set up. */
  form: Record<string, string> | ((ids: CaseIds) => Record<string, string>)
  /** The field whose value is refused. */
  invalid: string
  /** Boxes stored as ticked that the person unticked: they must stay unticked. */
  unticked?: string[]
  /** Hidden inputs the page's form sends along, as a browser would. */
  hidden?: (ids: CaseIds) => Record<string, string>
  /** The status of the re-rendered page: 422 where the form answers itself instead of redirecting. */
  status?: number
  /** The input's id, when the page has several forms with these field names. */
  idOf?: (name: string, ids: CaseIds) => string
}

/** The ids contact_fields gives a contact form's inputs. */
export function contactIds(prefix: string) {
  return (name: string) => `${prefix}-${name.replace(/^is_/, '')}`
}

export async function organisationWithPrimary() {
  const organisation = await OrganisationFactory.merge({ name: 'Æblehaven' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'lene@aeblehaven.example.org', name: 'Lene Lund' })
    )
    .create()
  const [contact] = await Contact.query().where('organisation_id', organisation.id)
  return { ids: { organisation: organisation.id, contact: contact.id }, contact }
}
