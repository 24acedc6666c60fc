import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'

/**
 * The vocabulary every part of an OIOUBL file is written in: UBL 2.0's
 * namespaces, OIOUBL's code-list agencies, and amounts in kroner.
 */

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd'
export const NS = {
  invoice: `${UBL}:Invoice-2`,
  creditNote: `${UBL}:CreditNote-2`,
  cac: `${UBL}:CommonAggregateComponents-2`,
  cbc: `${UBL}:CommonBasicComponents-2`,
  xmlns: 'http://www.w3.org/2000/xmlns/',
}

/** OIOUBL's own code lists are published by agency 320; GS1, which issues EANs, is agency 9. */
export const OIOUBL_AGENCY = '320'
export const GS1_AGENCY = '9'

export function cac(parent: XMLBuilder, name: string) {
  return parent.ele(NS.cac, `cac:${name}`)
}

export function cbc(parent: XMLBuilder, name: string, text: string, attributes = {}) {
  parent.ele(NS.cbc, `cbc:${name}`, attributes).txt(text)
}

export function amount(parent: XMLBuilder, name: string, ore: number) {
  cbc(parent, name, formatOre(ore), { currencyID: 'DKK' })
}

/** Whole øre to "1250.00", without floating-point rounding. */
export function formatOre(ore: number) {
  const sign = ore < 0 ? '-' : ''
  const abs = Math.abs(ore)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function sum(values: number[]) {
  return values.reduce((total, value) => total + value, 0)
}
