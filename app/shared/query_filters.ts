/**
 * The filters a list page knows, taken from its query string: only the named
 * keys, only single text values, never longer than a search box allows. They
 * are put back into the filter form and the paging links, so nothing else a
 * visitor adds to the URL is carried into the page.
 */
export function knownFilters<Key extends string>(
  query: Record<string, unknown>,
  keys: readonly Key[]
): Partial<Record<Key, string>> {
  const picked: Partial<Record<Key, string>> = {}
  for (const key of keys) {
    const value = query[key]
    if (typeof value === 'string' && value.length <= 200) picked[key] = value
  }
  return picked
}
