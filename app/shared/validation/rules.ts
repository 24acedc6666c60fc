import vine from '@vinejs/vine'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'

/** A CVR number: accepts "DK 12 34 56 78", keeps "12345678", checks modulus 11. */
export const cvrRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!isValidCvr(value)) {
    field.report('Ikke et gyldigt CVR-nummer', 'cvr', field)
    return
  }
  field.mutate(normaliseCvr(value), field)
})

/** An EAN (GLN) location number: 13 digits with a GS1 check digit. */
export const eanRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const ean = value.replace(/\s/g, '')
  if (!isValidEan(ean)) {
    field.report('Ikke et gyldigt EAN-nummer', 'ean', field)
    return
  }
  field.mutate(ean, field)
})
