import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Role } from '#identity/roles'
import { UserFactory } from '#database/factories/user_factory'
import { everyRolesWork } from '#tests/helpers/dashboard_work'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'

/** The parts each role's start page shows, by their headings; admin holds every role. */
const PARTS: Record<Role, string[]> = {
  board: ['Bestyrelsen'],
  treasurer: ['Kassereren'],
  secretariat: ['Sekretariatet'],
  admin: ['Bestyrelsen', 'Kassereren', 'Sekretariatet', 'Administration'],
}

test.group('The start page per role in the browser', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(240_000)

  for (const role of ['board', 'treasurer', 'secretariat', 'admin'] as const) {
    test(`the ${role}'s start page shows its parts, passes axe and fits a 360 px phone`, async ({
      visit,
      browserContext,
      assert,
    }) => {
      await everyRolesWork()
      await browserContext.loginAs(await UserFactory.apply(role).create())
      const page = await visit('/')
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents()
      const parts = ['Bestyrelsen', 'Kassereren', 'Sekretariatet', 'Administration']
      assert.deepEqual(
        headings.map((text) => text.trim()).filter((text) => parts.includes(text)),
        PARTS[role]
      )
      assert.deepEqual(await accessibilityViolations(page), [], `axe on the ${role}'s start page`)
      const phone = await documentWidthOnPhone(page)
      assert.isAtMost(phone.width, PHONE_WIDTH, phone.culprits.join(', '))

      if (role === 'treasurer' || role === 'admin') {
        // The chart names itself and its data is there for a screen reader.
        const chart = page.getByRole('img', { name: 'Indbetalt pr. måned' })
        await chart.waitFor()
        const table = page.getByRole('table', { name: 'Indbetalt pr. måned' })
        assert.equal(await table.getByRole('row').count(), 13)
        // Every figure leads to where the work is done.
        await page.getByTestId('treasurer-overdue').click()
        await page.waitForURL((url) => url.pathname === '/dues/invoices')
        assert.equal(new URL(page.url()).searchParams.get('status'), 'overdue')
      }
      if (role === 'board') {
        await page.getByTestId('board-applicants').click()
        await page.waitForURL((url) => url.pathname === '/members')
      }
      if (role === 'secretariat') {
        await page.getByTestId('secretariat-drafts').click()
        await page.waitForURL((url) => url.pathname === '/newsletters/issues')
      }
    })
  }
})
