import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { StartScheduledIssues } from '#newsletters/actions/start_scheduled_issues'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { confirmedSend } from '#tests/helpers/send_confirmation'
import { SECTIONS, draftFor, listWithReaders } from '#tests/functional/newsletters/sending_helpers'

test.group('Sending an issue', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher({
      refuseRecipient: (address) => (address.startsWith('afvist') ? 550 : null),
    })
    return () => catcher.stop()
  })

  test('pause keeps the rest queued, resume sends them, cancel stops for good', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list, readers } = await listWithReaders(4)
    const issue = await draftFor(list)
    // As if a worker had sent two before the secretariat pressed pause.
    issue.merge({
      status: 'sending',
      compiledHtml: '<html><body>Kære {{ first_name }}</body></html>',
    })
    await issue.save()
    for (const [index, reader] of readers.entries()) {
      await NewsletterDelivery.create({
        issueId: issue.id,
        subscriberId: reader.id,
        status: index < 2 ? 'sent' : 'queued',
        attempts: index < 2 ? 1 : 0,
      })
    }

    const paused = await client
      .post(`/newsletters/issues/${issue.id}/pause`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    paused.assertFlashMessage('success', 'Udsendelsen er sat på pause.')
    await issue.refresh()
    assert.equal(issue.status, 'paused')
    const progress = await client
      .get(`/newsletters/issues/${issue.id}/progress`)
      .loginAs(secretariat)
    progress.assertBodyContains({ status: 'paused', total: 4, sent: 2, queued: 2, percent: 50 })

    await client.post(`/newsletters/issues/${issue.id}/resume`).loginAs(secretariat).withCsrfToken()
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.lengthOf(catcher.messages, 2)

    const other = await draftFor(list, 'Annulleres')
    other.merge({ status: 'paused', compiledHtml: '<html><body>x</body></html>' })
    await other.save()
    await NewsletterDelivery.create({
      issueId: other.id,
      subscriberId: readers[0].id,
      status: 'queued',
      attempts: 0,
    })
    await client.post(`/newsletters/issues/${other.id}/cancel`).loginAs(secretariat).withCsrfToken()
    await other.refresh()
    assert.equal(other.status, 'cancelled')
    const resumed = await client
      .post(`/newsletters/issues/${other.id}/resume`)
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    resumed.assertFlashMessage('error', 'Det kan ikke lade sig gøre med udgaven, som den står nu.')
    assert.lengthOf(catcher.messages, 2)
  })

  test('a scheduled issue waits for its time, then goes out by itself', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list } = await listWithReaders(2)
    const issue = await draftFor(list)
    const at = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 1 }).startOf('minute')

    const response = await client
      .post(`/newsletters/issues/${issue.id}/send`)
      .form(
        await confirmedSend(issue.id, { when: 'later', send_at: at.toFormat("yyyy-MM-dd'T'HH:mm") })
      )
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await issue.refresh()
    assert.equal(issue.status, 'scheduled')
    assert.equal(issue.scheduledAt!.toMillis(), at.toMillis())
    assert.lengthOf(catcher.messages, 0)
    assert.deepEqual(await new StartScheduledIssues().handle(), [])

    issue.scheduledAt = DateTime.now().minus({ minutes: 1 })
    await issue.save()
    assert.deepEqual(await new StartScheduledIssues().handle(), [issue.id])
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.lengthOf(catcher.messages, 2)

    const pastIssue = await draftFor(list)
    const past = await client
      .post(`/newsletters/issues/${pastIssue.id}/send`)
      .form(await confirmedSend(pastIssue.id, { when: 'later', send_at: '2021-01-15T10:00' }))
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    past.assertFlashMessage('error', 'Tidspunktet er passeret; vælg et senere eller send nu.')
  })

  test('nothing to send: no lists, an issue with errors, lists without readers', async ({
    client,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const noLists = await NewsletterIssue.create({
      subject: 'Uden lister',
      bodyMjml: SECTIONS,
      status: 'draft',
      createdBy: 'test',
    })
    const send = async (id: number) =>
      client
        .post(`/newsletters/issues/${id}/send`)
        .form(await confirmedSend(id))
        .loginAs(secretariat)
        .withCsrfToken()
        .redirects(0)
    ;(await send(noLists.id)).assertFlashMessage(
      'error',
      'Vælg mindst én liste, før udgaven sendes.'
    )

    const empty = await NewsletterListFactory.with('consentTexts', 1).create()
    ;(await send((await draftFor(empty)).id)).assertFlashMessage(
      'error',
      'Listerne har ingen aktive abonnenter, så der er ingen at sende til.'
    )

    const broken = await draftFor(empty)
    broken.bodyMjml = SECTIONS.replace('</mj-text>', '')
    await broken.save()
    ;(await send(broken.id)).assertFlashMessage(
      'error',
      'Udgaven kan ikke sendes: 1 ting skal rettes først. Se tjekket på udgavens side.'
    )
  })

  test('roles: the board reads the page; only the secretariat and admins send', async ({
    client,
  }) => {
    const { list } = await listWithReaders(1)
    const issue = await draftFor(list)
    const board = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    ;(await client.get(`/newsletters/issues/${issue.id}`).loginAs(board)).assertStatus(200)
    ;(await client.get(`/newsletters/issues/${issue.id}`).loginAs(treasurer)).assertStatus(403)
    for (const action of ['send', 'pause', 'resume', 'cancel']) {
      const response = await client
        .post(`/newsletters/issues/${issue.id}/${action}`)
        .form({ when: 'now' })
        .loginAs(board)
        .withCsrfToken()
      response.assertStatus(403)
    }
    const anonymous = await client.get(`/newsletters/issues/${issue.id}/progress`).redirects(0)
    anonymous.assertStatus(302)
  })
})
