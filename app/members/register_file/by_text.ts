/** Different texts remembered at most: a column of free text should not grow the memory. */
const LIMIT = 1000

/**
 * A reading of a cell's text, remembered by the text: a register repeats the
 * same few words (Ja, Nej, aktiv, NGO/forening) on every row, and each
 * reading folds case and accents anew.
 */
export function byText<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    if (known.has(text)) return known.get(text) as T
    const value = read(text)
    if (known.size >= LIMIT) known.clear()
    known.set(text, value)
    return value
  }
}
