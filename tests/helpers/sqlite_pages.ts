import { readFileSync } from 'node:fs'

/*
 * Reads a SQLite database file as the format describes it
 * (https://www.sqlite.org/fileformat2.html), without asking SQLite: what
 * anyone holding a copy of the file could see. Each row comes back with the
 * file offset of the cell that holds it, so tests can read rows in the order
 * they lie on disk rather than the order a query returns them.
 */

export type SqliteValue = null | number | bigint | string | Uint8Array

export type StoredCell = {
  /** Byte offset of the cell in the file. */
  offset: number
  page: number
  /** The rowid of a rowid table's row; null in index b-trees and WITHOUT ROWID tables. */
  rowid: bigint | null
  values: SqliteValue[]
}

const TABLE_INTERIOR = 0x05
const TABLE_LEAF = 0x0d
const INDEX_INTERIOR = 0x02
const INDEX_LEAF = 0x0a

/** Every row of a table or index, named as in sqlite_master, with where its cell lies. */
export function readStoredCells(file: string, name: string): StoredCell[] {
  const database = new SqliteFile(readFileSync(file))
  const schema = database.cells(1)
  // sqlite_master rows: type, name, tbl_name, rootpage, sql.
  const entry = schema.find((cell) => cell.values[1] === name)
  if (!entry) throw new Error(`${name} is not in the schema of ${file}`)
  return database.cells(Number(entry.values[3]))
}

class SqliteFile {
  private readonly bytes: Buffer
  readonly pageSize: number
  readonly usable: number

  constructor(bytes: Buffer) {
    this.bytes = bytes
    if (bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') {
      throw new Error('Not a SQLite database file')
    }
    const size = bytes.readUInt16BE(16)
    this.pageSize = size === 1 ? 65536 : size
    this.usable = this.pageSize - bytes[20]
  }

  /** The cells of the b-tree rooted at `root`, interior cells of index b-trees included. */
  cells(root: number): StoredCell[] {
    const found: StoredCell[] = []
    const pending = [root]
    while (pending.length > 0) {
      const page = pending.pop()!
      const start = (page - 1) * this.pageSize
      // Page 1 starts with the 100-byte file header.
      const header = start + (page === 1 ? 100 : 0)
      const type = this.bytes[header]
      const interior = type === TABLE_INTERIOR || type === INDEX_INTERIOR
      if (![TABLE_INTERIOR, TABLE_LEAF, INDEX_INTERIOR, INDEX_LEAF].includes(type)) {
        throw new Error(`Page ${page} is not a b-tree page (type ${type})`)
      }
      const count = this.bytes.readUInt16BE(header + 3)
      const pointers = header + (interior ? 12 : 8)
      if (interior) pending.push(this.bytes.readUInt32BE(header + 8))
      for (let index = 0; index < count; index++) {
        const offset = start + this.bytes.readUInt16BE(pointers + 2 * index)
        let at = offset
        if (interior) {
          pending.push(this.bytes.readUInt32BE(at))
          at += 4
        }
        // A table's interior cells hold only a rowid to steer by, no row.
        if (type === TABLE_INTERIOR) continue
        const [payloadSize, afterSize] = readVarint(this.bytes, at)
        at = afterSize
        let rowid: bigint | null = null
        if (type === TABLE_LEAF) {
          const [key, afterKey] = readVarint(this.bytes, at)
          rowid = key
          at = afterKey
        }
        const payload = this.payload(at, Number(payloadSize), type === TABLE_LEAF)
        found.push({ offset, page, rowid, values: decodeRecord(payload) })
      }
    }
    return found
  }

  /** A cell's payload, followed onto overflow pages where it does not fit. */
  private payload(at: number, size: number, tableLeaf: boolean) {
    const usable = this.usable
    const maxLocal = tableLeaf ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23
    const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23
    if (size <= maxLocal) return this.bytes.subarray(at, at + size)
    const spill = minLocal + ((size - minLocal) % (usable - 4))
    const local = spill <= maxLocal ? spill : minLocal
    const parts = [this.bytes.subarray(at, at + local)]
    let remaining = size - local
    let next = this.bytes.readUInt32BE(at + local)
    while (remaining > 0 && next !== 0) {
      const start = (next - 1) * this.pageSize
      const take = Math.min(remaining, usable - 4)
      parts.push(this.bytes.subarray(start + 4, start + 4 + take))
      remaining -= take
      next = this.bytes.readUInt32BE(start)
    }
    return Buffer.concat(parts)
  }
}

/** A SQLite varint: big-endian, seven bits a byte, the ninth byte whole. */
function readVarint(bytes: Uint8Array, at: number): [bigint, number] {
  let value = 0n
  for (let index = 0; index < 8; index++) {
    const byte = bytes[at + index]
    value = (value << 7n) | BigInt(byte & 0x7f)
    if (byte < 0x80) return [value, at + index + 1]
  }
  return [(value << 8n) | BigInt(bytes[at + 8]), at + 9]
}

function decodeRecord(payload: Buffer): SqliteValue[] {
  const [headerSize, afterHeaderSize] = readVarint(payload, 0)
  const types: number[] = []
  let at = afterHeaderSize
  while (at < Number(headerSize)) {
    const [type, next] = readVarint(payload, at)
    types.push(Number(type))
    at = next
  }
  at = Number(headerSize)
  const values: SqliteValue[] = []
  for (const type of types) {
    const size = serialSize(type)
    values.push(decodeValue(payload, at, type, size))
    at += size
  }
  return values
}

const INTEGER_SIZES = [0, 1, 2, 3, 4, 6, 8]

function serialSize(type: number) {
  if (type <= 6) return INTEGER_SIZES[type]
  if (type === 7) return 8
  if (type < 12) return 0
  return type % 2 === 0 ? (type - 12) / 2 : (type - 13) / 2
}

function decodeValue(payload: Buffer, at: number, type: number, size: number): SqliteValue {
  if (type === 0) return null
  if (type === 7) return payload.readDoubleBE(at)
  if (type === 8) return 0
  if (type === 9) return 1
  if (type === 6) return payload.readBigInt64BE(at)
  if (type <= 5) return payload.readIntBE(at, size)
  if (type % 2 === 0) return new Uint8Array(payload.subarray(at, at + size))
  return payload.subarray(at, at + size).toString('utf8')
}
