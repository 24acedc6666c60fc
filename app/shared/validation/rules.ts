import vine from '@vinejs/vine'
import { isValidCvr, normaliseCvr } from '#shared/danish_identifiers'

/** A CVR number: accepts "DK 12 34 56 78", keeps "12345678", checks modulus 11. */
export const cvrRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!isValidCvr(value)) {
    field.report('Ikke et gyldigt CVR-nummer', 'cvr', field)
    return
  }
  field.mutate(normaliseCvr(value), field)
})
