import {
  CreateOrganisation,
  type CreateOrganisationResult,
} from '#members/actions/create_organisation'
import type { NewContactFields, OrganisationFields } from '#members/organisation_fields'
import { Actors } from '#audit/actor'

/**
 * An organisation applies from the public form. It becomes an applicant with
 * its primary contact; the board approves or rejects it from the register.
 */
export class SubmitMembershipApplication {
  async handle(input: {
    fields: OrganisationFields
    contact: NewContactFields
    ip: string | null
    userAgent?: string | null
  }): Promise<CreateOrganisationResult> {
    return new CreateOrganisation().handle(
      {
        fields: input.fields,
        status: 'applicant',
        joinedOn: null,
        reason: 'Ansøgning via formularen på /bliv-medlem',
        primaryContact: input.contact,
      },
      Actors.system('membership application form', input)
    )
  }
}
