import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
| Search that ignores case and accents, the same on SQLite and MariaDB. The
| databases fold differently (SQLite's LOWER knows only ASCII; MariaDB's
| collations make "aa" equal "å" in one and not in another), so the folding
| is done here, once: each searchable table keeps a `search_text` column of
| its searchable fields folded by `searchText`, and a search folds its term
| the same way and looks for it with LIKE.
|
| The rules, for Danish names typed on any keyboard:
| - case and accents are ignored: é → e, ü → u, ö → o, ß → ss;
| - æ, ø and å are also their usual spellings ae, oe and aa, and ø and å
|   also the bare letters o and a. So "Aarhus" and "Århus" find each other,
|   "sondergaard" and "soendergaard" find "Søndergaard", and "aeblehaven"
|   finds "Æblehaven".
| A text is kept in both forms (spelled out, and bare where that differs),
| and a term is looked for in both its forms: they match when either of the
| term's forms is part of either of the text's. Nothing plain ASCII matched
| before stops matching ("esen" still finds "Boesen").
*/

/** Letters that do not come apart into a base letter and an accent. */
const SPELLED_OUT: Record<string, string> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
  ı: 'i',
}
/** The bare letter, as someone without a Danish keyboard types it. */
const BARE: Record<string, string> = { ...SPELLED_OUT, ø: 'o', å: 'a' }
const SPECIAL = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g')

/** The longest folded text kept per row: names, addresses and short descriptions. */
export const SEARCH_TEXT_LENGTH = 500

function fold(text: string, letters: Record<string, string>) {
  return text
    .toLowerCase()
    .replace(SPECIAL, (letter) => letters[letter])
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A text's forms as searches compare them: spelled out, and bare when that differs. */
export function searchForms(text: string | null | undefined): string[] {
  if (!text) return []
  const spelled = fold(text, SPELLED_OUT)
  if (!spelled) return []
  const bare = fold(text, BARE)
  return bare === spelled ? [spelled] : [spelled, bare]
}

/**
 * A row's `search_text`: the forms of its searchable fields, one per line,
 * so a search never matches across two fields (a search box sends no line
 * breaks).
 */
export function searchText(...fields: (string | null | undefined)[]): string {
  return fields.flatMap(searchForms).join('\n').slice(0, SEARCH_TEXT_LENGTH)
}

/** The longest folded text kept for long texts (motions, minutes), in a TEXT column. */
export const LONG_SEARCH_TEXT_LENGTH = 60_000

/** `searchText` for long texts, where a line holds a paragraph. */
export function longSearchText(...fields: (string | null | undefined)[]): string {
  return fields
    .flatMap((field) => (field ?? '').split(/\n+/))
    .flatMap(searchForms)
    .join('\n')
    .slice(0, LONG_SEARCH_TEXT_LENGTH)
}

/** Every text in a stored JSON document, in order: what a person wrote, not its keys. */
export function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsIn)
  return []
}

/**
 * The LIKE patterns that find a search term anywhere in a `search_text`:
 * none when the term folds to nothing. `!` escapes LIKE's wildcards: a
 * backslash would mean different things to MariaDB and SQLite.
 */
export function searchPatterns(term: string | null | undefined): string[] {
  return searchForms(term).map(
    (form) => `%${form.replace(/[!%_]/g, (character) => `!${character}`)}%`
  )
}

type WhereRaw = {
  orWhereRaw(sql: string, bindings: string[]): unknown
}

/**
 * Adds "the term is in `column`" to a where-group as OR conditions; put it
 * inside `query.where((group) => …)`. `column` is a trusted column name.
 */
export function orWhereSearch(group: WhereRaw, column: string, term: string) {
  for (const pattern of searchPatterns(term)) {
    group.orWhereRaw(`${column} LIKE ? ESCAPE '!'`, [pattern])
  }
}

type QueryClient = Pick<QueryClientContract, 'from'>

/**
 * Folds `search_text` again for every row of the given tables, from the
 * named fields: for the migration that adds the columns to rows already
 * there, and for any later change to these rules.
 */
export async function refoldSearchText(
  client: QueryClient,
  tables: Record<string, readonly string[]>,
  textOf: (table: string, row: Record<string, unknown>) => string = (table, row) =>
    searchText(...tables[table].map((field) => row[field] as string | null))
) {
  for (const [table, fields] of Object.entries(tables)) {
    let after = 0
    for (;;) {
      const rows = await client
        .from(table)
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .select('id', 'search_text', ...fields)
      if (!rows.length) break
      for (const row of rows) {
        const text = textOf(table, row)
        if (text !== row.search_text) {
          await client.from(table).where('id', row.id).update({ search_text: text })
        }
      }
      after = Number(rows[rows.length - 1].id)
    }
  }
}
