import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { readerToken, webVersionKey, webVersionUrl } from '#newsletters/reader_links'
import { readerValues } from '#newsletters/sending/reader_copy'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'

/** An issue whose text says which one it is, sent to these lists. */
async function sentTo(lists: NewsletterList[], text: string) {
  const reader = await SubscriberFactory.create()
  await subscribeTo(reader, lists[0])
  const { issue, delivery } = await sentIssueFor(
    lists[0],
    reader,
    `<html><body><p>${text}</p><a href="{{ web_url }}">Web</a><a href="{{ unsubscribe_url }}">Afmeld</a></body></html>`
  )
  await issue.related('lists').sync(lists.map((list) => list.id))
  return { issue, delivery, reader }
}

/** Follows a link as the reader's browser would: its path and its query. */
function open(client: ApiClient, link: string) {
  const url = new URL(link, 'http://kreds.test')
  return client.get(url.pathname).qs(Object.fromEntries(url.searchParams))
}

function hrefsTo(html: string, attribute: 'href' | 'src') {
  return [...html.matchAll(new RegExp(`${attribute}="([^"]*/nyhedsbrev/udgave/[^"]*)"`, 'g'))].map(
    (match) => match[1].replaceAll('&amp;', '&')
  )
}

test.group('The web version by id', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('counting ids finds nothing of a members-only issue, a mixed one or a draft', async ({
    client,
    assert,
  }) => {
    const publicList = await NewsletterListFactory.with('consentTexts', 1).create()
    const members = await NewsletterListFactory.merge({ isPublic: false }).create()
    const { issue: publicIssue } = await sentTo([publicList], 'Til alle')
    await sentTo([members], 'Kun for medlemmer')
    await sentTo([publicList, members], 'Til begge lister')
    const draft = await NewsletterIssue.create({
      subject: 'Kladde',
      bodyMjml: 'x',
      // A test send compiles the draft.
      compiledHtml: '<html><body><p>Hemmelig kladde</p></body></html>',
      status: 'draft',
      createdBy: 'test',
    })
    await draft.related('lists').attach([publicList.id])

    const readable: number[] = []
    for (let id = 1; id <= draft.id + 3; id++) {
      const response = await client.get(`/nyhedsbrev/udgave/${id}`)
      if (response.status() === 200) readable.push(id)
      else response.assertStatus(404)
      for (const secret of ['Kun for medlemmer', 'Til begge lister', 'Hemmelig kladde']) {
        assert.notInclude(response.text(), secret)
      }
    }
    assert.deepEqual(readable, [publicIssue.id])
  })

  test('the keyed link opens it; a wrong, another issue’s or a missing key is 404', async ({
    client,
    assert,
  }) => {
    const members = await NewsletterListFactory.merge({ isPublic: false }).create()
    const { issue } = await sentTo([members], 'Kun for medlemmer')
    const other = await sentTo([members], 'En anden udgave')

    const signed = await open(client, webVersionUrl(issue.id))
    signed.assertStatus(200)
    signed.assertTextIncludes('Kun for medlemmer')
    assert.include(signed.header('content-security-policy'), "default-src 'none'")

    const key = webVersionKey(issue.id)
    const changed = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`
    const path = `/nyhedsbrev/udgave/${issue.id}`
    ;(await client.get(path).qs({ k: changed })).assertStatus(404)
    ;(await client.get(path).qs({ k: webVersionKey(other.issue.id) })).assertStatus(404)
    ;(await client.get(path).qs({ k: '' })).assertStatus(404)
    ;(await client.get(`${path}?k[]=${key}`)).assertStatus(404)
    ;(await client.get(path)).assertStatus(404)
    // Someone else's share token is no key either.
    ;(await client.get(path).qs({ k: readerToken('share', other.delivery.id) })).assertStatus(404)

    const draft = await NewsletterIssue.create({
      subject: 'Kladde',
      bodyMjml: 'x',
      compiledHtml: '<html><body><p>Hemmelig kladde</p></body></html>',
      status: 'draft',
      createdBy: 'test',
    })
    ;(await client.get(`/nyhedsbrev/udgave/${draft.id}`)).assertStatus(404)
    // Those a test send went to follow its link.
    ;(await open(client, webVersionUrl(draft.id))).assertTextIncludes('Hemmelig kladde')

    // A draft never compiled for sending shows as it stands now, to the key's holders only.
    const fresh = await NewsletterIssue.create({
      subject: 'Ny kladde',
      bodyMjml:
        '<mj-section><mj-column><mj-text>Skrevet lige nu</mj-text></mj-column></mj-section>',
      status: 'draft',
      createdBy: 'test',
    })
    ;(await client.get(`/nyhedsbrev/udgave/${fresh.id}`)).assertStatus(404)
    ;(await open(client, webVersionUrl(fresh.id))).assertTextIncludes('Skrevet lige nu')
    fresh.status = 'cancelled'
    await fresh.save()
    ;(await open(client, webVersionUrl(fresh.id))).assertStatus(404)
  })

  test('every link to it works: a reader’s copy, the share page, the issue page, the archive', async ({
    client,
    assert,
  }) => {
    const publicList = await NewsletterListFactory.with('consentTexts', 1).create()
    const members = await NewsletterListFactory.merge({ isPublic: false }).create()
    const { issue, delivery, reader } = await sentTo([publicList, members], 'Til begge lister')

    const inMail = readerValues(
      { deliveryId: delivery.id, subscriberId: reader.id, name: reader.name },
      issue.id
    ).web_url
    ;(await open(client, inMail)).assertTextIncludes('Til begge lister')

    const sharePage = await client.get(`/del/${readerToken('share', delivery.id)}`)
    const [frame] = hrefsTo(sharePage.text(), 'src')
    ;(await open(client, frame)).assertTextIncludes('Til begge lister')

    const secretariat = await UserFactory.apply('secretariat').create()
    const issuePage = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    const [fromIssuePage] = hrefsTo(issuePage.text(), 'href')
    ;(await open(client, fromIssuePage)).assertTextIncludes('Til begge lister')

    const archive = await client.get(`/nyhedsbrev/${publicList.slug}/arkiv`)
    const fromArchive = hrefsTo(archive.text(), 'href')
    assert.lengthOf(fromArchive, 1)
    const page = await open(client, fromArchive[0])
    page.assertTextIncludes('Til begge lister')
    // The page's own links keep the key, and its subscribe link goes to the public list.
    assert.include(page.text(), webVersionUrl(issue.id))
    assert.include(page.text(), `/nyhedsbrev/${publicList.slug}"`)
  })
})
