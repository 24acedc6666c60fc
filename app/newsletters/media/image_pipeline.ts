import { createHash } from 'node:crypto'
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp'

/**
 * Every uploaded image goes through here once: its type is read from its
 * bytes (never from its name), its size is capped before it is decoded, it
 * is turned upright by its EXIF orientation, stripped of its metadata (GPS
 * position, camera serial) and stored in the widths a mail needs.
 */

/** A newsletter column is 600 px; 1200 px serves the same column on high-density screens. */
export const MEDIA_WIDTHS = [600, 1200] as const
export type MediaWidth = (typeof MEDIA_WIDTHS)[number]

export const MEDIA_LIMITS = {
  /** The upload route reads a little more, so a file just over this gets a message, not a 413. */
  maxBytes: 10 * 1024 * 1024,
  /** 50 megapixels: a 48 MP phone photo passes; a small file claiming to be huge does not. */
  maxPixels: 50_000_000,
} as const

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif'
export type StoredFormat = { mime: 'image/jpeg' | 'image/png'; ext: 'jpg' | 'png' }

export type ImageRefusal = 'not_an_image' | 'too_many_pixels' | 'unreadable'

export type ProcessedImage = {
  sha256: string
  source: SourceFormat
  stored: StoredFormat
  /** The upright original's size. */
  width: number
  height: number
  variants: { width: MediaWidth; bytes: Buffer; actualWidth: number; actualHeight: number }[]
}

export type ProcessResult =
  { status: 'processed'; image: ProcessedImage } | { status: 'refused'; reason: ImageRefusal }

const JPEG: StoredFormat = { mime: 'image/jpeg', ext: 'jpg' }
const PNG: StoredFormat = { mime: 'image/png', ext: 'png' }

/**
 * The four formats by their signatures. libvips would also open SVG, PDF,
 * TIFF, HEIF and more; those never reach it, because their parsers are a
 * larger attack surface than a newsletter needs.
 */
export function sniffImageType(bytes: Buffer): SourceFormat | null {
  if (bytes.length < 12) return null
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png'
  const head = bytes.subarray(0, 6).toString('latin1')
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif'
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp'
  return null
}

export function sha256Of(bytes: Buffer) {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * A GIF keeps only its first frame, as a PNG: resizing an animation well
 * makes large files, and Outlook on Windows shows only the first frame
 * anyway. A WebP becomes a JPEG (or a PNG when it is transparent), since
 * several mail programs cannot show WebP at all.
 */
export function storedFormatFor(source: SourceFormat, hasAlpha: boolean): StoredFormat {
  if (source === 'jpeg') return JPEG
  if (source === 'webp') return hasAlpha ? PNG : JPEG
  return PNG
}

function open(bytes: Buffer, options: SharpOptions = {}): Sharp {
  return sharp(bytes, {
    limitInputPixels: MEDIA_LIMITS.maxPixels,
    // Refuses truncated and corrupt pixel data, but not harmless warnings from cameras.
    failOn: 'error',
    ...options,
  })
}

export async function processImage(bytes: Buffer): Promise<ProcessResult> {
  const source = sniffImageType(bytes)
  if (!source) return { status: 'refused', reason: 'not_an_image' }

  let metadata: Metadata
  try {
    // The header alone: no limit here, so an oversized image is named as such below.
    metadata = await open(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return { status: 'refused', reason: 'unreadable' }
  }
  // A file that starts like one format and decodes as another is not what it claims.
  if (metadata.format !== source) return { status: 'refused', reason: 'not_an_image' }
  // Read from the header, before a single pixel is decoded: a decompression bomb stops here.
  if (!metadata.width || !metadata.height) return { status: 'refused', reason: 'unreadable' }
  if (metadata.width * metadata.height > MEDIA_LIMITS.maxPixels)
    return { status: 'refused', reason: 'too_many_pixels' }

  const stored = storedFormatFor(source, Boolean(metadata.hasAlpha))
  const variants: ProcessedImage['variants'] = []
  try {
    for (const width of MEDIA_WIDTHS) {
      // Metadata is left out unless asked for, so EXIF, XMP and ICC go; colours become sRGB.
      const pipeline = open(bytes, { autoOrient: true }).resize({
        width,
        withoutEnlargement: true,
      })
      const encoded =
        stored === JPEG
          ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
          : pipeline.png({ compressionLevel: 9 })
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
      variants.push({ width, bytes: data, actualWidth: info.width, actualHeight: info.height })
    }
  } catch {
    return { status: 'refused', reason: 'unreadable' }
  }

  return {
    status: 'processed',
    image: {
      sha256: sha256Of(bytes),
      source,
      stored,
      width: metadata.autoOrient?.width ?? metadata.width,
      height: metadata.autoOrient?.height ?? metadata.height,
      variants,
    },
  }
}
