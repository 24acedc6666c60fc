/**
 * A public member is invoiced through NemHandel by its EAN, and its system
 * accepts the OIOUBL file only with the order or person reference it asked
 * for. Without one the file is refused (see oioubl_checks.ts), and the
 * invoice, numbered and gap-free, can only be credited and issued again.
 */
export function lacksBuyerReference(organisation: {
  ean: string | null
  invoiceReference: string | null
}) {
  return !!organisation.ean?.trim() && !organisation.invoiceReference?.trim()
}
