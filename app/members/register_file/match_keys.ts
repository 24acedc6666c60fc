import { nameKey } from '#members/membership'

/** Legal-form words that people add or leave out of a name: A/S, ApS, forening … */
const SUFFIXES = [
  'a s',
  'as',
  'aps',
  'i s',
  'is',
  'ivs',
  'k s',
  'p s',
  'a m b a',
  'amba',
  's m b a',
  'smba',
  'forening',
  'foreningen',
  'f m b a',
  'fmba',
]

/**
 * A name folded for matching a file's row to the register: case, accents,
 * punctuation, the old spellings of å and ø and a trailing legal form do
 * not count ("Metodecentret ApS" matches "metodecentret").
 */
export function matchKey(name: string) {
  // Å and Ø are also written Aa and Oe ("Aabenraa", "Soeren"): one spelling for matching.
  let key = nameKey(name).replaceAll('aa', 'a').replaceAll('oe', 'o')
  for (let changed = true; changed;) {
    changed = false
    for (const suffix of SUFFIXES) {
      if (key.endsWith(` ${suffix}`)) {
        key = key.slice(0, -suffix.length - 1)
        changed = true
      }
    }
  }
  return key
}
