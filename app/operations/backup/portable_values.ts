/**
 * A backup must restore into the other database: SQLite keeps dates as text
 * and booleans as 0/1, MariaDB hands back Date objects, and only one of them
 * can hold an integer past 2^53 exactly. Every value is therefore written in
 * one portable form per kind of column, and the checksums are taken over that
 * form, so the same rows give the same checksum on either database.
 */
export type ColumnKind = 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'binary' | 'string'

export type PortableValue = string | number | boolean | null

/** The kind from SQLite's declared type, as knex writes it ("varchar(255)", "datetime", "boolean"). */
export function sqliteKind(declared: string): ColumnKind {
  const type = declared.toLowerCase().replace(/\(.*$/, '').trim()
  if (['integer', 'int', 'bigint', 'smallint', 'tinyint', 'mediumint'].includes(type)) {
    return 'integer'
  }
  if (['float', 'real', 'double', 'decimal', 'numeric'].includes(type)) return 'float'
  if (type === 'boolean') return 'boolean'
  if (type === 'date') return 'date'
  if (type === 'datetime' || type === 'timestamp') return 'datetime'
  if (type === 'blob') return 'binary'
  return 'string'
}

/** The kind from MariaDB's information_schema: DATA_TYPE and COLUMN_TYPE ("tinyint(1)" is a boolean). */
export function mysqlKind(dataType: string, columnType: string): ColumnKind {
  const type = dataType.toLowerCase()
  if (type === 'tinyint' && columnType.toLowerCase().startsWith('tinyint(1)')) return 'boolean'
  if (['int', 'integer', 'bigint', 'smallint', 'tinyint', 'mediumint'].includes(type)) {
    return 'integer'
  }
  if (['float', 'double', 'decimal', 'numeric', 'real'].includes(type)) return 'float'
  if (type === 'date') return 'date'
  if (type === 'datetime' || type === 'timestamp') return 'datetime'
  if (type.endsWith('blob') || type === 'binary' || type === 'varbinary') return 'binary'
  return 'string'
}

function pad(value: number) {
  return String(value).padStart(2, '0')
}

function utcDate(value: Date) {
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
}

function utcDateTime(value: Date) {
  const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
  return `${utcDate(value)} ${time}`
}

/** Kreds stores times in UTC to the second ("2026-12-04 19:37:41"), which both databases accept. */
function portableDateTime(value: unknown): string {
  if (value instanceof Date) return utcDateTime(value)
  if (typeof value === 'number') return utcDateTime(new Date(value))
  const text = String(value)
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text)) return text
  const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`)
  return Number.isNaN(parsed.getTime()) ? text : utcDateTime(parsed)
}

function portableDate(value: unknown): string {
  if (value instanceof Date) return utcDate(value)
  if (typeof value === 'number') return utcDate(new Date(value))
  return String(value).slice(0, 10)
}

/** A number when it is exact as one, otherwise its digits, so big integers survive. */
function portableInteger(value: unknown): number | string {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
  }
  if (typeof value === 'number') return value
  const text = String(value)
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text)
  return text
}

export function toPortable(kind: ColumnKind, value: unknown): PortableValue {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'integer':
      return portableInteger(value)
    case 'float':
      return typeof value === 'number' ? value : Number(value)
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 1n
    case 'date':
      return portableDate(value)
    case 'datetime':
      return portableDateTime(value)
    case 'binary':
      return Buffer.isBuffer(value)
        ? value.toString('base64')
        : Buffer.from(String(value)).toString('base64')
    default:
      return Buffer.isBuffer(value) ? value.toString('utf8') : String(value)
  }
}

/** What the insert binds: both databases take the portable text for dates and integers. */
export function fromPortable(kind: ColumnKind, value: PortableValue): unknown {
  if (value === null) return null
  if (kind === 'boolean') return value ? 1 : 0
  if (kind === 'binary') return Buffer.from(String(value), 'base64')
  return value
}

/** Orders rows by their primary key the same way on both databases (their collations differ). */
export function compareKeys(a: PortableValue[], b: PortableValue[]) {
  for (const [index, left] of a.entries()) {
    const right = b[index]
    if (left === right) continue
    if (left === null) return -1
    if (right === null) return 1
    if (typeof left === 'number' && typeof right === 'number') return left - right
    if (typeof left === 'boolean' || typeof right === 'boolean') return Number(left) - Number(right)
    const [x, y] = [String(left), String(right)]
    if (/^-?\d+$/.test(x) && /^-?\d+$/.test(y)) {
      const difference = BigInt(x) - BigInt(y)
      return difference === 0n ? 0 : difference < 0n ? -1 : 1
    }
    return x < y ? -1 : x > y ? 1 : 0
  }
  return 0
}
