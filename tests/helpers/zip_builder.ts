/**
 * Writes a zip byte by byte, so tests can make workbooks the way a given
 * tool lays them out (part order, compression) and zips no tool would make:
 * parts that lie about their size, encrypted parts, bombs.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export type ZipPart = {
  name: string
  data: Buffer | string
  /** The uncompressed size the headers claim, when it should not be the real one. */
  declaredSize?: number
  /** Sets the "encrypted" flag (the data is not encrypted; readers must refuse it all the same). */
  encrypted?: boolean
}

const UTF8_NAMES = 0x0800
const ENCRYPTED = 0x0001
/** 1 January 1980, the first day a zip can date: fixed, so the bytes never change. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8')
    const compressed = deflateRawSync(data, { level: 9 })
    const name = Buffer.from(part.name, 'utf8')
    const flags = UTF8_NAMES | (part.encrypted ? ENCRYPTED : 0)
    const size = part.declaredSize ?? data.length
    const fields = { flags, crc: crc32(data), compressed: compressed.length, size, name }

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    writeCommon(local, 4, fields)
    locals.push(local, name, compressed)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    writeCommon(central, 6, fields)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function writeCommon(
  header: Buffer,
  at: number,
  fields: { flags: number; crc: number; compressed: number; size: number; name: Buffer }
) {
  header.writeUInt16LE(20, at)
  header.writeUInt16LE(fields.flags, at + 2)
  header.writeUInt16LE(8, at + 4)
  header.writeUInt16LE(0, at + 6)
  header.writeUInt16LE(DOS_DATE, at + 8)
  header.writeUInt32LE(fields.crc, at + 10)
  header.writeUInt32LE(fields.compressed, at + 14)
  header.writeUInt32LE(fields.size, at + 18)
  header.writeUInt16LE(fields.name.length, at + 22)
}
