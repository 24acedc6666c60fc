import vine from '@vinejs/vine'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'
import { parseDanishAmountToOre } from '#shared/csv/danish_values'

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

/** An amount in kroner as Danes write it ("1.250,00", "1250", "1250,5"), kept as whole øre. */
export const kronerRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' && typeof value !== 'number') return
  const ore = parseDanishAmountToOre(
    String(value)
      .replace(/\s*kr\.?$/i, '')
      .trim()
  )
  if (ore === null) {
    field.report('Skriv et beløb i kroner, fx 1.250,00', 'kroner', field)
    return
  }
  field.mutate(ore, field)
})
