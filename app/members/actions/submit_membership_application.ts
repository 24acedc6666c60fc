import {
  CreateOrganisation,
  type CreateOrganisationResult,
} from '#members/actions/create_organisation'
import type { NewContactFields, OrganisationFields } from '#members/organisation_fields'

/**
 * An organisation applies from the public form. It becomes an applicant with
 * its primary contact; the board approves or rejects it from the register.
 */
export class SubmitMembershipApplication {
  async handle(input: {
    fields: OrganisationFields
    contact: NewContactFields
    ip: string | null
  }): Promise<CreateOrganisationResult> {
    return new CreateOrganisation().handle(
      {
        fields: input.fields,
        status: 'applicant',
        joinedOn: null,
        reason: 'Ansøgning via formularen på /bliv-medlem',
        primaryContact: input.contact,
      },
      { type: 'system', id: null, label: 'membership application form', ip: input.ip }
    )
  }
}
