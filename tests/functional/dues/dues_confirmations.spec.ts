import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import DuesRun from '#dues/models/dues_run'
import { UserFactory } from '#database/factories/user_factory'
import { generateToken } from '#shared/tokens'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { foldSpace } from '#tests/helpers/text'
import {
  BUYER_CVRS,
  issueInvoice,
  member,
  municipality,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'
import {
  confirmRun,
  openConfirmation,
  runFormOf,
  runIdOf,
  submitRun,
} from '#tests/functional/dues/run_flow'

/** Three members to invoice (one joined in the year's third quarter), one already invoiced, two skipped. */
async function yearToInvoice() {
  await sellerSettings({ duesProration: 'quarters' })
  const year = thisYear()
  const tier = await tierWithFee('Organisationer', 125_000)
  const small = await tierWithFee('Små foreninger', 50_000)
  const alfa = await member(tier, {
    name: 'Alfa Forening',
    cvr: BUYER_CVRS[0],
    primaryEmail: 'formand@alfa.example.org',
    billingEmail: 'bogholder@alfa.example.org',
  })
  await member(small, { name: 'Beta Forening', primaryEmail: 'beta@example.org' })
  const { DateTime } = await import('luxon')
  await member(tier, {
    name: 'Gamma Forening',
    merge: { joinedOn: DateTime.fromObject({ year, month: 8, day: 1 }) },
  })
  const delta = await member(tier, { name: 'Delta Forening', primaryEmail: 'delta@example.org' })
  await issueInvoice(delta.organisation)
  await member(null, { name: 'Uden Gruppe', primaryEmail: 'ingen@example.org' })
  await municipality(tier, { name: 'Aarhus Kommune', reference: null })
  return { year, alfa }
}

test.group('Dues confirmations: issuing the year’s invoices', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('the confirmation says what will be issued, to whom and for how much, and writes nothing', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { year } = await yearToInvoice()
    const before = await Invoice.query().count('* as n').firstOrFail()

    const page = await openConfirmation(client, treasurer, 'generate', { year })
    const text = foldSpace(page.text())
    // 1.250 + 500 + 1.250 × 2/4 for Gamma, who joined in August.
    assert.include(text, 'Udsteder 3 fakturaer, i alt 2.375,00 kr., til:')
    for (const name of ['Alfa Forening', 'Beta Forening', 'Gamma Forening'])
      assert.include(text, name)
    assert.include(text, '625,00 kr.')
    assert.include(text, '2/4 år')
    assert.include(text, 'bogholder@alfa.example.org')
    assert.include(text, 'ingen e-mailadresse – sendes ikke')
    assert.include(text, '2 fakturaer sendes med e-mail')
    assert.include(text, '1 medlem har allerede sin faktura for året')
    const skipped = /data-testid="run-skipped"[\s\S]*?<\/table>/
      .exec(text)![0]
      .replace(/<[^>]+>/g, '')
    assert.include(foldSpace(skipped), 'Uden Gruppe ingen kontingentgruppe')
    assert.include(foldSpace(skipped), 'Aarhus Kommune EAN uden ordre- eller personreference')
    assert.include(text, 'Udsted 3 fakturaer')
    const after = await Invoice.query().count('* as n').firstOrFail()
    assert.equal(after.$extras.n, before.$extras.n)
    assert.equal(
      await DuesRun.query()
        .count('* as n')
        .firstOrFail()
        .then((r) => r.$extras.n),
      0
    )

    const withEan = await openConfirmation(client, treasurer, 'generate', {
      year,
      without_reference: 1,
    })
    assert.include(foldSpace(withEan.text()), 'Udsteder 4 fakturaer, i alt 3.625,00 kr., til:')
    assert.equal(runFormOf(withEan.text()).without_reference, '1')
  })

  test('confirmed, the run issues exactly the list, and its page shows the result', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { year } = await yearToInvoice()
    const { runId } = await confirmRun(client, treasurer, 'generate', { year })

    const run = await DuesRun.findOrFail(runId)
    assert.equal(run.state, 'done')
    assert.deepEqual([run.total, run.done, run.totalOre], [3, 3, 237_500])
    const issued = await Invoice.query()
      .where('year', year)
      .whereNot('created_by', 'test')
      .preload('organisation')
      .orderBy('sequence')
    assert.deepEqual(issued.map((invoice) => invoice.organisation.name).sort(), [
      'Alfa Forening',
      'Beta Forening',
      'Gamma Forening',
    ])
    assert.isTrue(issued.every((invoice) => invoice.createdBy === treasurer.email))

    const result = await client.get(`/dues/runs/${runId}`).loginAs(treasurer)
    result.assertStatus(200)
    assert.notInclude(result.text(), 'http-equiv="refresh"')
    const text = foldSpace(result.text())
    assert.include(text, 'Færdig: 3 af 3')
    for (const invoice of issued) {
      assert.include(text, `href="/dues/invoices/${invoice.id}"> ${invoice.number} </a>`)
    }
    assert.equal((text.match(/data-outcome="issued"/g) ?? []).length, 3)
  })

  test('a plan that changed since the page was shown is refused, and the fresh one shown', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { year } = await yearToInvoice()
    const page = await openConfirmation(client, treasurer, 'generate', { year })
    const tier = await tierWithFee('Nye', 80_000)
    await member(tier, { name: 'Epsilon Forening', primaryEmail: 'e@example.org' })

    const response = await submitRun(client, treasurer, 'generate', runFormOf(page.text()))
    response.assertStatus(302)
    response.assertHeader('location', `/dues/generate?year=${year}`)
    assert.match(String(response.flashMessages().error), /^Tallene har ændret sig/)
    assert.equal(
      await Invoice.query()
        .where('year', year)
        .count('* as n')
        .firstOrFail()
        .then((r) => Number(r.$extras.n)),
      1
    )
    assert.lengthOf(await DuesRun.all(), 0)

    const fresh = await openConfirmation(client, treasurer, 'generate', { year })
    assert.include(foldSpace(fresh.text()), 'Udsteder 4 fakturaer, i alt 3.175,00 kr., til:')
  })

  test('the same confirmation submitted twice runs once and shows the first run', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { year } = await yearToInvoice()
    const form = runFormOf((await openConfirmation(client, treasurer, 'generate', { year })).text())
    const first = await submitRun(client, treasurer, 'generate', form)
    const again = await submitRun(client, treasurer, 'generate', form)
    assert.equal(runIdOf(again.header('location')), runIdOf(first.header('location')))
    assert.lengthOf(await DuesRun.all(), 1)
    assert.lengthOf(await Invoice.query().where('year', year), 4)
  })

  test('the board may not open or submit it; without a CSRF token nothing runs', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const treasurer = await UserFactory.apply('treasurer').create()
    const { year } = await yearToInvoice()
    ;(await client.get(`/dues/generate?year=${year}`).loginAs(board)).assertStatus(403)
    ;(await client.get('/dues/remind').loginAs(board)).assertStatus(403)
    const form = runFormOf((await openConfirmation(client, treasurer, 'generate', { year })).text())
    const refused = await submitRun(client, board, 'generate', form)
    refused.assertStatus(403)

    const forged = await client.post('/dues/generate').form(form).loginAs(treasurer).redirects(0)
    forged.assertStatus(403)
    assert.include(forged.text(), 'Formularen er udløbet')
    assert.lengthOf(await DuesRun.all(), 0)
    assert.lengthOf(await Invoice.query().where('year', year), 1)
  })
})

test.group('Dues confirmations: a run still going', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('is shown on the overview with a link to its progress, until it is done', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const run = await DuesRun.create({
      kind: 'generate',
      token: generateToken(),
      fingerprint: '0'.repeat(64),
      year: thisYear(),
      withoutReference: false,
      state: 'running',
      total: 23,
      done: 4,
      totalOre: 0,
      userId: treasurer.id,
      actorLabel: treasurer.email,
      actorIp: null,
      finishedAt: null,
    })
    const overview = foldSpace((await client.get('/dues').loginAs(treasurer)).text())
    assert.include(overview, 'I gang: 4 af 23')
    assert.include(overview, `href="/dues/runs/${run.id}"`)
    const progress = await client.get(`/dues/runs/${run.id}`).loginAs(treasurer)
    assert.include(
      foldSpace(progress.text()),
      '<noscript> <meta http-equiv="refresh" content="2" /> </noscript>'
    )
    const figures = await client
      .get(`/dues/runs/${run.id}`)
      .header('accept', 'application/json')
      .loginAs(treasurer)
    assert.deepEqual(figures.body(), { state: 'running', done: 4, total: 23, percent: 17 })

    run.merge({ state: 'done', done: 23 })
    await run.save()
    const after = await client.get('/dues').loginAs(treasurer)
    assert.notInclude(after.text(), 'data-testid="running-run"')
  })
})
