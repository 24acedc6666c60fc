import { ReadOnlyValuesStore } from '@adonisjs/session'
import type { HttpContext } from '@adonisjs/core/http'

type FieldMessage = { field: string; message: string }

/** What a refused submission sent and its errors by field, as a failed redirect flashes them. */
export function refusedInput(input: Record<string, unknown>, messages: FieldMessage[]) {
  const inputErrorsBag: Record<string, string[]> = {}
  for (const { field, message } of messages) (inputErrorsBag[field] ??= []).push(message)
  return { ...input, inputErrorsBag }
}

/**
 * A page that answers a refused submission itself, with no redirect (a
 * filter in the query string, a preview answering a POST), shows it as a
 * redirect back would: the fields read what was sent and their errors from
 * the flash messages, and so does the error summary at the top of the page.
 */
export function showRefusedInput(
  view: HttpContext['view'],
  input: Record<string, unknown>,
  messages: FieldMessage[]
) {
  view.share({ flashMessages: new ReadOnlyValuesStore(refusedInput(input, messages)) })
}
