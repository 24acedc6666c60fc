/// <reference lib="dom" />
import type { Page } from 'playwright'

/*
| What a phone user trips over on a page at a given width: a document wider
| than the screen, and controls smaller than 44 × 44 px (WCAG 2.5.5).
|
| The rule for targets: every visible a[href], button, select, summary and
| checkbox or radio is measured. A checkbox or radio is measured together
| with its label(s), since a tap on the label ticks it. A link inside a
| sentence (inline, in a block whose text is more than the link's own) is
| exempt, as WCAG 2.5.5 exempts inline targets. Elements off screen (a skip
| link until it is focused) and hidden ones are not targets.
*/

export const MIN_TARGET = 44

export async function phoneProblems(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 })
  return page.evaluate(
    ({ viewport, min }) => {
      const problems: string[] = []
      const describe = (element: Element) => {
        const name = element.tagName.toLowerCase()
        const id = element.id ? `#${element.id}` : ''
        const classes = [...element.classList].map((cls) => `.${cls}`).join('')
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
        return `${name}${id}${classes} "${text}"`
      }
      const scrollWidth = document.documentElement.scrollWidth
      if (scrollWidth > viewport) {
        const culprits = [...document.body.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > viewport + 0.5)
          .slice(0, 5)
          .map(describe)
        problems.push(`document ${scrollWidth} px wide: ${culprits.join(', ')}`)
      }
      const targets = document.querySelectorAll(
        'a[href], button, select, summary, input[type=checkbox], input[type=radio]'
      )
      for (const element of targets) {
        const style = getComputedStyle(element)
        let box = element.getBoundingClientRect()
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
        if (box.right <= 0 || box.bottom <= 0) continue
        if (element instanceof HTMLInputElement) {
          for (const label of element.labels ?? []) {
            const own = label.getBoundingClientRect()
            const left = Math.min(box.left, own.left)
            const top = Math.min(box.top, own.top)
            const right = Math.max(box.right, own.right)
            const bottom = Math.max(box.bottom, own.bottom)
            box = new DOMRect(left, top, right - left, bottom - top)
          }
        }
        if (element.tagName === 'A' && style.display === 'inline') {
          const block = element.parentElement
          const own = (element.textContent ?? '').trim().length
          const around = (block?.textContent ?? '').trim().length
          if (around > own + 1) continue
        }
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          problems.push(
            `${describe(element)} is ${Math.round(box.width)}×${Math.round(box.height)} px`
          )
        }
      }
      return problems
    },
    { viewport: width, min: MIN_TARGET }
  )
}
