import { test } from '@japa/runner'
import sharp from 'sharp'
import {
  MEDIA_LIMITS,
  processImage,
  sniffImageType,
  type ProcessResult,
} from '#newsletters/media/image_pipeline'
import {
  EXECUTABLE,
  PDF,
  SVG,
  animatedGif,
  jpeg,
  png,
  pngClaiming,
  webp,
} from '#tests/helpers/media_images'

function processed(result: ProcessResult) {
  if (result.status !== 'processed') throw new Error(`Refused: ${result.reason}`)
  return result.image
}

function sizes(result: ProcessResult) {
  return processed(result).variants.map((v) => [v.width, v.actualWidth, v.actualHeight])
}

test.group('Media image pipeline', () => {
  test('a wide photo is stored 600 and 1200 px wide, in proportion', async ({ assert }) => {
    const image = processed(await processImage(await jpeg(2400, 1600)))
    assert.deepEqual([image.width, image.height], [2400, 1600])
    assert.deepEqual(image.stored, { mime: 'image/jpeg', ext: 'jpg' })
    assert.deepEqual(
      image.variants.map((v) => [v.width, v.actualWidth, v.actualHeight]),
      [
        [600, 600, 400],
        [1200, 1200, 800],
      ]
    )
    for (const variant of image.variants) {
      const meta = await sharp(variant.bytes).metadata()
      assert.equal(meta.format, 'jpeg')
      assert.equal(meta.width, variant.actualWidth)
    }
  })

  test('a small image is never enlarged', async ({ assert }) => {
    assert.deepEqual(sizes(await processImage(await png(400, 300))), [
      [600, 400, 300],
      [1200, 400, 300],
    ])
    assert.deepEqual(sizes(await processImage(await png(900, 300))), [
      [600, 600, 200],
      [1200, 900, 300],
    ])
  })

  test('a photo is turned upright by its EXIF orientation, then stripped of its metadata', async ({
    assert,
  }) => {
    // Stored 1600 × 1200 (landscape) with orientation 6: the camera was held upright.
    const original = await jpeg(1600, 1200, { orientation: 6 })
    assert.equal((await sharp(original).metadata()).orientation, 6)
    const image = processed(await processImage(original))
    assert.deepEqual([image.width, image.height], [1200, 1600])
    assert.deepEqual(sizes({ status: 'processed', image }), [
      [600, 600, 800],
      [1200, 1200, 1600],
    ])
    for (const variant of image.variants) {
      const meta = await sharp(variant.bytes).metadata()
      assert.isUndefined(meta.orientation)
      assert.isUndefined(meta.exif)
      assert.isUndefined(meta.xmp)
      assert.isUndefined(meta.icc)
    }
  })

  test('the type is read from the bytes, never from a name', async ({ assert }) => {
    assert.equal(sniffImageType(await jpeg(10, 10)), 'jpeg')
    assert.equal(sniffImageType(await png(10, 10)), 'png')
    assert.equal(sniffImageType(await webp(10, 10, false)), 'webp')
    assert.equal(sniffImageType(await animatedGif(10, 10)), 'gif')
    assert.isNull(sniffImageType(EXECUTABLE))
    assert.isNull(sniffImageType(SVG))
    assert.isNull(sniffImageType(PDF))
    assert.isNull(sniffImageType(Buffer.from('GIF8')))
  })

  test('a GIF keeps its first frame as a PNG; a WebP becomes a JPEG unless transparent', async ({
    assert,
  }) => {
    const animation = await animatedGif(40, 30)
    assert.equal((await sharp(animation).metadata()).pages, 2)
    const gif = processed(await processImage(animation))
    assert.equal(gif.source, 'gif')
    assert.equal(gif.stored.mime, 'image/png')
    assert.deepEqual([gif.width, gif.height], [40, 30])
    const frame = await sharp(gif.variants[0].bytes).raw().toBuffer({ resolveWithObject: true })
    assert.equal(frame.info.height, 30)
    assert.isAbove(frame.data[0], 200, 'the first (red) frame')
    assert.isUndefined((await sharp(gif.variants[0].bytes).metadata()).pages)

    assert.equal(processed(await processImage(await webp(50, 50, false))).stored.mime, 'image/jpeg')
    assert.equal(processed(await processImage(await webp(50, 50, true))).stored.mime, 'image/png')
  })

  test('a renamed executable, an SVG and a PDF are refused as not images', async ({ assert }) => {
    for (const bytes of [EXECUTABLE, SVG, PDF, Buffer.alloc(0)]) {
      assert.deepEqual(await processImage(bytes), { status: 'refused', reason: 'not_an_image' })
    }
  })

  test('a truncated or corrupt image is refused', async ({ assert }) => {
    const photo = await jpeg(800, 600)
    const cut = photo.subarray(0, Math.floor(photo.length / 2))
    assert.deepEqual(await processImage(cut), { status: 'refused', reason: 'unreadable' })

    const picture = await png(300, 300, 3)
    const cutPng = picture.subarray(0, picture.length - 40)
    assert.deepEqual(await processImage(cutPng), { status: 'refused', reason: 'unreadable' })

    const signatureOnly = Buffer.concat([picture.subarray(0, 8), Buffer.alloc(64, 0x55)])
    assert.deepEqual(await processImage(signatureOnly), { status: 'refused', reason: 'unreadable' })
  })

  test('a decompression bomb is refused by its claimed size', async ({ assert }) => {
    const bomb = await pngClaiming(30_000, 30_000)
    assert.isBelow(bomb.length, 1000)
    assert.deepEqual(await processImage(bomb), { status: 'refused', reason: 'too_many_pixels' })
    assert.isAbove(30_000 * 30_000, MEDIA_LIMITS.maxPixels)
  })

  test('the same bytes give the same fingerprint; different bytes do not', async ({ assert }) => {
    const a = processed(await processImage(await png(20, 20, 1)))
    const again = processed(await processImage(await png(20, 20, 1)))
    const b = processed(await processImage(await png(20, 20, 2)))
    assert.equal(a.sha256, again.sha256)
    assert.notEqual(a.sha256, b.sha256)
    assert.match(a.sha256, /^[0-9a-f]{64}$/)
  })
})
