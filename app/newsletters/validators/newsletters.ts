import vine from '@vinejs/vine'
import { MJML_LIMITS } from '#newsletters/mjml/limits'
import { isPlainEmail } from '#shared/csv/danish_values'

export const subscribeValidator = vine.create({
  email: vine.string().trim().maxLength(254).email().toLowerCase(),
  name: vine.string().trim().maxLength(120).optional(),
  // Ticking the box is the consent; the form shows the text it refers to.
  consent: vine.accepted(),
})

export const listValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{2,60}$/),
  description: vine.string().trim().maxLength(500).optional(),
  is_public: vine.boolean().optional(),
  for_members: vine.boolean().optional(),
  archive_public: vine.boolean().optional(),
  consent_text: vine.string().trim().minLength(20).maxLength(5000),
})

/** A member contact's tick in the portal, and which version of the consent text it was given to. */
export const portalSubscribeValidator = vine.create({
  consent: vine.accepted(),
  consent_text_id: vine.number().withoutDecimals(),
})

export const subscriberFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(200).optional(),
  list: vine.number().withoutDecimals().optional(),
  status: vine.enum(['pending', 'active', 'unsubscribed', 'suppressed'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})

/** The visual editor posts its blocks as one JSON text; a newsletter's fits well within this. */
const BLOCKS_JSON_LIMIT = MJML_LIMITS.maxLength * 2

export const issueValidator = vine.create({
  subject: vine.string().trim().minLength(2).maxLength(200),
  preheader: vine.string().trim().maxLength(200).optional(),
  editor: vine.enum(['code', 'visual']).optional(),
  body_mjml: vine
    .string()
    .minLength(1)
    .maxLength(MJML_LIMITS.maxLength)
    .optional()
    .requiredWhen((field) => field.data.editor !== 'visual'),
  blocks: vine
    .string()
    .maxLength(BLOCKS_JSON_LIMIT)
    .optional()
    .requiredWhen((field) => field.data.editor === 'visual'),
  /** The version of the sections the editor opened, so a save over someone else's is refused. */
  base: vine
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  lists: vine
    .array(vine.number().withoutDecimals().exists({ table: 'newsletter_lists', column: 'id' }))
    .optional(),
})

/** Which view of the composer a draft opens in. */
export const editorViewValidator = vine.create({
  editor: vine.enum(['code', 'visual']).optional(),
})

export const previewValidator = vine.create({
  // Room beyond the limit, so that the composer says by how much a text is
  // too long (as a problem beside the editor) instead of showing nothing.
  body_mjml: vine
    .string()
    .maxLength(MJML_LIMITS.maxLength * 5)
    .optional(),
  blocks: vine.string().maxLength(BLOCKS_JSON_LIMIT).optional(),
  preheader: vine.string().trim().maxLength(200).optional(),
})

/** Addresses typed into one field, separated by commas, semicolons or spaces. */
export function splitAddresses(text: string) {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((address) => address.toLowerCase())
}

const testAddressesRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const addresses = splitAddresses(value)
  const bad = addresses.find((address) => !isPlainEmail(address))
  if (addresses.length === 0 || addresses.length > 5)
    field.report('1 to 5 addresses', 'testAddresses', field)
  else if (bad) field.report('Not an e-mail address', 'testAddress', field, { value: bad })
})

/** A test send goes to at most five addresses. */
export const testSendValidator = vine.create({
  addresses: vine.string().trim().maxLength(1000).use(testAddressesRule()),
})

/** "Send now", or a time in the association's own zone from a datetime-local field. */
/** When and how fast an issue goes out, as the send form and its confirmation carry it. */
export const sendFields = {
  when: vine.enum(['now', 'later']),
  send_at: vine
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .optional()
    .requiredWhen('when', '=', 'later'),
  // Messages per second for this issue; empty follows the installation's limit.
  rate: vine.number().withoutDecimals().range([1, 10000]).nullable().optional(),
}

export const sendIssueValidator = vine.create(sendFields)

/** The forward form: one colleague, an optional note the colleague will see. */
export const forwardValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  note: vine.string().trim().maxLength(1000).optional(),
})

export const subscriberValidator = vine.create({
  email: vine.string().trim().maxLength(254).email().toLowerCase(),
  name: vine.string().trim().maxLength(120).optional(),
})
