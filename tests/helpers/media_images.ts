import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { UploadMedia } from '#newsletters/actions/upload_media'
import { Actors } from '#audit/actor'

/*
| Images made on the spot for the media library's tests, and files that
| pretend to be images.
*/

const RED = { r: 200, g: 40, b: 40 }

export function jpeg(width: number, height: number, options: { orientation?: number } = {}) {
  const image = sharp({ create: { width, height, channels: 3, background: RED } }).jpeg()
  return (
    options.orientation ? image.withMetadata({ orientation: options.orientation }) : image
  ).toBuffer()
}

/** A different picture for each seed, so tests that must not dedupe do not. */
export function png(width: number, height: number, seed = 0) {
  const background = { r: seed % 256, g: (seed * 7) % 256, b: 90, alpha: 1 }
  return sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer()
}

export function webp(width: number, height: number, transparent: boolean) {
  const background = { r: 20, g: 120, b: 200, alpha: transparent ? 0.5 : 1 }
  return sharp({ create: { width, height, channels: 4, background } })
    .webp({ lossless: true })
    .toBuffer()
}

/** Two frames of different colours, stacked as sharp expects an animation. */
export async function animatedGif(width: number, height: number) {
  const frame = (r: number) =>
    sharp({ create: { width, height, channels: 3, background: { r, g: 0, b: 0 } } })
      .raw()
      .toBuffer()
  const pixels = Buffer.concat([await frame(255), await frame(0)])
  return sharp(pixels, { raw: { width, height: height * 2, channels: 3, pageHeight: height } })
    .gif({ delay: [100, 100], loop: 0 })
    .toBuffer()
}

/**
 * A small PNG whose header claims width × height pixels: the shape of a
 * decompression bomb, refused before any pixel is decoded.
 */
export async function pngClaiming(width: number, height: number) {
  const bytes = Buffer.from(await png(16, 16))
  // IHDR data starts after the signature (8), the chunk length (4) and its type (4).
  bytes.writeUInt32BE(width, 16)
  bytes.writeUInt32BE(height, 20)
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29)
  return bytes
}

/** A Windows executable's first bytes, named as a photo by whoever sends it. */
export const EXECUTABLE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(120, 0),
  Buffer.from('PE\x00\x00', 'latin1'),
  Buffer.alloc(200, 0x41),
])

export const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">' +
    '<script>alert(1)</script><rect width="600" height="400" fill="red"/></svg>'
)

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)

/** One stored library image, for tests that walk every route. */
export async function storedMediaForRoutes() {
  const path = join(tmpdir(), `kreds-route-media-${process.pid}-${Date.now()}`)
  await writeFile(path, await png(64, 48, 250))
  try {
    const result = await new UploadMedia().handle(
      { path, originalName: 'rute.png' },
      Actors.system('test')
    )
    if (result.status === 'refused') throw new Error(`The route records' image: ${result.reason}`)
    return result.media
  } finally {
    await rm(path, { force: true })
  }
}
