/**
 * What a form field shows, and the error summary above a form.
 *
 * 0, "" and a missing value are different things: Edge's html.attrs() drops
 * every falsy value, so a stored 0 rendered as value=0 vanished and a
 * required number field came back empty (the settings could not be saved
 * with 0 motion deadline days). Values therefore go to the page as strings.
 */

type FlashStore = { has(key: string): boolean; get(key: string): unknown }

/**
 * The value to show: what was typed when a submission failed, else the stored
 * value. The flash store's has() is false for "", so a field the person
 * emptied would come back holding the stored value: ask get() instead.
 */
export function shownValue(flash: FlashStore, name: string, stored: unknown) {
  const typed = flash.get(name)
  return typed === undefined ? stored : typed
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}

/**
 * An attribute value for html.attrs(): 0 becomes "0", null and undefined drop
 * it, and the text is escaped, since html.attrs() writes values as they are:
 * an address with a quote in it lost everything after the quote, and a value
 * typed as `"><script>` would have become markup.
 */
export function attributeValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  let text = String(value)
  if (typeof value === 'object' && 'toISODate' in value) {
    const day = (value as { toISODate(): string | null }).toISODate()
    if (day === null) return undefined
    text = day
  }
  return text.replace(/[&"'<>]/g, (character) => ATTRIBUTE_ESCAPES[character])
}

const UNTICKED = new Set(['', '0', 'false', 'off'])

/**
 * Whether a checkbox is ticked. An unticked box sends nothing, so after a
 * failed submission a missing box means "unticked", not "as stored".
 */
export function isTicked(flash: FlashStore, name: string, stored: unknown, active = true) {
  const typed = active ? flash.get(name) : undefined
  if (typed !== undefined) return !UNTICKED.has(String(typed))
  if (active && flash.has('inputErrorsBag')) return false
  if (stored === null || stored === undefined) return false
  return !UNTICKED.has(String(stored))
}

/**
 * Whether what the session holds from a failed submission belongs to this
 * form. A form that shares its field names with another on the page names
 * itself (a hidden _form); a form that does not name itself owns only a
 * submission that named no form.
 */
export function isActiveForm(flash: FlashStore, form: string | null) {
  const submitted = flash.get('_form')
  return form ? submitted === form : submitted === undefined || submitted === null
}

/** The id of a field's input, so the summary can link to it. */
export function fieldId(name: string) {
  return 'field-' + name
}

/**
 * The labels of the fields on the page being rendered. The layout renders the
 * page before the summary above it, so each field registers its label first.
 */
export class FormLabels {
  #fields = new Map<string, { label: string; id?: string }>()

  /** `id` when the input is not the usual field-<name> (several forms of one kind on a page). */
  set(name: string, label: string, id?: string) {
    if (!this.#fields.has(name)) this.#fields.set(name, { label, id })
    return ''
  }

  get(name: string) {
    return this.#fields.get(name)?.label
  }

  idOf(name: string) {
    return this.#fields.get(name)?.id ?? fieldId(name)
  }
}

export type SummaryItem = { field: string; href: string; text: string }

/** One line per field in error: its label and message, linking to the field. */
export function errorSummaryItems(errorsBag: unknown, labels?: FormLabels): SummaryItem[] {
  if (!errorsBag || typeof errorsBag !== 'object') return []
  return Object.entries(errorsBag as Record<string, unknown>).map(([field, messages]) => {
    const message = Array.isArray(messages) ? messages.join(' ') : String(messages)
    const label = labels?.get(field)
    return {
      field,
      href: '#' + (labels ? labels.idOf(field) : fieldId(field)),
      text: label ? `${label}: ${message}` : message,
    }
  })
}

/** What the views get as `formFields`: a fresh label registry per request. */
export function formFieldsHelpers() {
  const labels = new FormLabels()
  return {
    shownValue,
    attributeValue,
    isTicked,
    isActiveForm,
    fieldId,
    label: (name: string, label: string, id?: string) => labels.set(name, label, id),
    summary: (errorsBag: unknown) => errorSummaryItems(errorsBag, labels),
  }
}
