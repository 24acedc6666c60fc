import type { Infer } from '@vinejs/vine/types'
import type { updateOrganisationValidator } from '#members/validators/organisation'
import type { OrganisationFields } from '#members/organisation_fields'
import type { ContactInput } from '#members/actions/save_contact'
import type { contactValidator } from '#members/validators/organisation'

/** Form names (snake_case, optional) to the actions' typed fields. */
export function organisationFieldsFrom(
  input: Infer<typeof updateOrganisationValidator>
): OrganisationFields {
  return {
    name: input.name,
    type: input.type,
    legalForm: input.legal_form ?? null,
    cvr: input.cvr ?? null,
    ean: input.ean ?? null,
    address: input.address ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    tierId: input.tier_id ?? null,
    notes: input.notes ?? null,
    invoiceReference: input.invoice_reference ?? null,
  }
}

export function contactFieldsFrom(input: Infer<typeof contactValidator>): ContactInput {
  return {
    name: input.name,
    title: input.title ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    isPrimary: input.is_primary ?? false,
    isBilling: input.is_billing ?? false,
    isDelegate: input.is_delegate ?? false,
    isNewsletter: input.is_newsletter ?? false,
  }
}
