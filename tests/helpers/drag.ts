import type { Locator, Page } from 'playwright'

/**
 * Drags source onto the top of target with the mouse, as a person does:
 * the browser's own drag events, not a synthetic drop. The mouse cannot
 * leave the window, so when the two are further apart than the window is
 * tall the window is made tall enough for the drag, and put back after.
 */
export async function dragOnto(page: Page, source: Locator, target: Locator) {
  await source.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  const before = page.viewportSize()!
  let from = (await source.boundingBox())!
  let to = (await target.boundingBox())!
  const needed = Math.ceil(Math.max(from.y + from.height, to.y + to.height) + 40)
  if (to.y < 0 || needed > before.height) {
    await page.setViewportSize({ width: before.width, height: Math.max(needed, before.height) })
    await source.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    from = (await source.boundingBox())!
    to = (await target.boundingBox())!
  }
  try {
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + 60, to.y + 6, { steps: 12 })
    await page.mouse.up()
  } finally {
    await page.setViewportSize(before)
  }
}
