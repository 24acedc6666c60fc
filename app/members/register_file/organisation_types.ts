import { normaliseHeader } from '#shared/csv/danish_values'
import type { OrganisationType } from '#members/membership'
import { byText } from '#members/register_file/by_text'

type TypeReading = { type: OrganisationType; legalForm: string | null; recognised: boolean }

const TYPE_NAMES: Record<string, OrganisationType> = {
  'kommune': 'kommune',
  'municipality': 'kommune',
  'region': 'region',
  'ngo': 'ngo',
  'ngo forening': 'ngo',
  'forening': 'ngo',
  'association': 'ngo',
  'fond': 'fond',
  'foundation': 'fond',
  'forskning': 'forskning',
  'forsknings eller uddannelsesinstitution': 'forskning',
  'forskningsinstitution': 'forskning',
  'uddannelsesinstitution': 'forskning',
  'universitet': 'forskning',
  'university': 'forskning',
  'professionshoejskole': 'forskning',
  'research': 'forskning',
  'virksomhed': 'virksomhed',
  'company': 'virksomhed',
  'andet': 'andet',
  'other': 'andet',
}

/** Legal forms that say what kind of organisation it is; the text is kept as the legal form. */
const LEGAL_FORMS: Record<string, OrganisationType> = {
  'forening': 'ngo',
  'frivillig forening': 'ngo',
  'almennyttig forening': 'ngo',
  'selvejende institution': 'ngo',
  'fagforening': 'ngo',
  'kommune': 'kommune',
  'region': 'region',
  'fond': 'fond',
  'erhvervsdrivende fond': 'fond',
  'a s': 'virksomhed',
  'aps': 'virksomhed',
  'i s': 'virksomhed',
  'ivs': 'virksomhed',
  'k s': 'virksomhed',
  'p s': 'virksomhed',
  's m b a': 'virksomhed',
  'a m b a': 'virksomhed',
  'enkeltmandsvirksomhed': 'virksomhed',
}

/**
 * Reads the Type column: a type name, or a legal form that implies one. Any
 * other text makes the organisation `andet`, keeping the text as its legal form.
 */
export const readOrganisationType = byText((text: string): Readonly<TypeReading> => {
  const key = normaliseHeader(text)
  if (!key) return { type: 'andet', legalForm: null, recognised: true }
  if (LEGAL_FORMS[key]) return { type: LEGAL_FORMS[key], legalForm: text.trim(), recognised: true }
  if (TYPE_NAMES[key]) return { type: TYPE_NAMES[key], legalForm: null, recognised: true }
  return { type: 'andet', legalForm: text.trim(), recognised: false }
})
