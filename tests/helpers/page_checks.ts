/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright'

/*
 * Checks a browser test runs on a page it has reached: that axe finds nothing
 * against WCAG 2.1 A/AA, and that the page fits a phone without the whole
 * document scrolling sideways.
 */

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export const PHONE_WIDTH = 360

/**
 * The WCAG 2.1 A/AA violations on the page, one readable line per offending
 * element, so a failing assertion says what to fix without a second run.
 */
export async function accessibilityViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  // No rule passing either means axe never looked at the page, which must not read as clean.
  if (result.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`)
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`
    )
  )
}

/**
 * How wide the document is when the page is shown 360 px wide, with the
 * elements that stick out past the right edge (a .table-wrap's table scrolls
 * on its own and is left out) so a failure names what to fix. The viewport is
 * put back afterwards.
 */
export async function documentWidthOnPhone(page: Page) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
  try {
    return await page.evaluate((limit) => {
      const culprits = [...document.body.querySelectorAll('*')]
        // Inside a .table-wrap only what is taken out of the flow can escape its scrolling.
        .filter(
          (element) =>
            !element.closest('.table-wrap') ||
            element.matches('.table-wrap') ||
            ['absolute', 'fixed'].includes(getComputedStyle(element).position)
        )
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
        .map((element) => {
          const name = element.tagName.toLowerCase()
          const classes = [...element.classList].map((cls) => `.${cls}`).join('')
          const box = element.getBoundingClientRect()
          return `${name}${classes} right=${Math.round(box.right)}`
        })
      return { width: document.documentElement.scrollWidth, culprits }
    }, PHONE_WIDTH)
  } finally {
    if (before) await page.setViewportSize(before)
  }
}
