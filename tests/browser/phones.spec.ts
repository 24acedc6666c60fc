/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { issueAssemblyLink } from '#assemblies/links'
import { createRouteRecords } from '#tests/helpers/route_records'
import { giveLongNames } from '#tests/helpers/long_names'
import { generateToken } from '#shared/tokens'
import { readerToken } from '#newsletters/reader_links'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { mailedToken, pendingRequestFor, subscribeTo } from '#tests/helpers/newsletters'
import { phoneProblems } from '#tests/helpers/touch_targets'

/*
| The pages people open on a phone (the member portal, the personal voting
| page, a shared issue and its forward form, subscribing, confirming,
| unsubscribing and the web version) at 320,
| 360 and 414 px, with long names and addresses: no sideways scrolling and
| 44 × 44 px targets. The rule for
| what counts as a target is in tests/helpers/touch_targets.ts.
*/

const WIDTHS = [320, 360, 414]

test.group('Phones', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(240_000)

  test('the public pages fit 320–414 px and their targets are 44 px', async ({
    browserContext,
    assert,
  }) => {
    const records = await createRouteRecords()
    await giveLongNames(records)
    const vote = new URL(await issueAssemblyLink(records.assembly.id, records.organisation.id))
    // A reader who asked to subscribe and follows the mailed link: the real confirm form.
    await records.list.load('consentTexts')
    const pending = await subscribeTo(await SubscriberFactory.create(), records.list, 'pending')
    pending.pendingRequest = pendingRequestFor(records.list)
    const confirmToken = await mailedToken(pending)
    const shareToken = readerToken('share', records.delivery.id)
    const paths = [
      '/medlem',
      vote.pathname,
      `/del/${shareToken}`,
      `/del/${shareToken}/videresend`,
      `/u/${readerToken('unsubscribe', records.subscriber.id)}`,
      `/nyhedsbrev/${records.list.slug}`,
      `/nyhedsbrev/bekraeft/${confirmToken}`,
      `/nyhedsbrev/bekraeft/${generateToken()}`,
      `/nyhedsbrev/udgave/${records.issue.id}`,
    ]
    const page = await browserContext.newPage()
    const problems: string[] = []
    for (const path of paths) {
      const response = await page.goto(path)
      assert.isBelow(response!.status(), 400, path)
      for (const width of WIDTHS)
        problems.push(...(await phoneProblems(page, width)).map((p) => `${path} @${width}: ${p}`))
    }
    assert.deepEqual(problems, [])
  })

  test('the member portal fits 320–414 px, its targets are 44 px and invoices are a list', async ({
    browserContext,
    assert,
  }) => {
    const records = await createRouteRecords()
    await giveLongNames(records)
    await browserContext.withGuard('member').loginAs(records.contact)
    const page = await browserContext.newPage()
    const problems: string[] = []
    for (const path of [
      '/medlem/organisation',
      '/medlem/fakturaer',
      '/medlem/generalforsamlinger',
      '/medlem/nyhedsbreve',
      '/medlem/historik',
    ]) {
      const response = await page.goto(path)
      assert.equal(response!.status(), 200, path)
      for (const width of WIDTHS)
        problems.push(...(await phoneProblems(page, width)).map((p) => `${path} @${width}: ${p}`))
    }
    assert.deepEqual(problems, [])

    await page.goto('/medlem/fakturaer')
    await page.setViewportSize({ width: 360, height: 800 })
    const list = await page.getByTestId('portal-invoice-list').evaluate((table) => ({
      width: table.getBoundingClientRect().width,
      rowDisplay: getComputedStyle(table.querySelector('tbody tr')!).display,
      headVisible: table.querySelector('thead')!.getBoundingClientRect().height > 1,
      label: getComputedStyle(table.querySelector('td[data-label]')!, '::before').content,
    }))
    assert.isAtMost(list.width, 360)
    assert.equal(list.rowDisplay, 'block')
    assert.isFalse(list.headVisible)
    assert.equal(list.label, '"Nummer"')
  })
})
