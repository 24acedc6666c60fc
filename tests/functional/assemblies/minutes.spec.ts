import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Minutes from '#assemblies/models/minutes'
import AgendaItem from '#assemblies/models/agenda_item'
import { CastVote } from '#assemblies/actions/cast_vote'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import { UserFactory } from '#database/factories/user_factory'
import { assemblyWithMembers, board, openBallot } from '#tests/helpers/assemblies'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { asBytes } from '#tests/helpers/bytes'
import { foldSpace } from '#tests/helpers/text'

test.group('Minutes', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('prepared from the records, signed by dirigent (login) and referent (link), locked, mailed; a correction is version 2', async ({
    client,
    assert,
  }) => {
    const chair = await UserFactory.apply('board').create()
    const { assembly, organisations } = await assemblyWithMembers({ members: 3 })
    for (const organisation of organisations) {
      await organisation.related('contacts').create({
        name: 'Delegeret',
        email: `delegeret.${organisation.id}@example.org`,
        isPrimary: true,
        isBilling: false,
        isDelegate: true,
        isNewsletter: false,
      })
    }
    const ballot = await openBallot(assembly, { question: 'Godkendes regnskabet?' })
    for (const organisation of organisations) {
      await new CastVote().handle({
        ballotId: ballot.id,
        casterId: organisation.id,
        forOrganisationId: organisation.id,
        choice: { kind: 'yes_no', answer: 'yes' },
      })
    }
    await new CloseBallot().handle(ballot.id, null, board)
    const closed = await client
      .post(`/assemblies/${assembly.id}/close`)
      .form({ confirmation: 'LUK' })
      .loginAs(chair)
      .withCsrfToken()
      .redirects(0)
    closed.assertFlashMessage('success', 'Generalforsamlingen er afsluttet.')

    const [firstItem] = await AgendaItem.query()
      .where('assembly_id', assembly.id)
      .orderBy('position')
    const saved = await client
      .put(`/assemblies/${assembly.id}/minutes`)
      .form({
        dirigent_name: 'Dorte Dirigent',
        // The chair is the dirigent: she signs from her own login.
        dirigent_email: chair.email,
        referent_name: 'Rasmus Referent',
        referent_email: 'referent@example.org',
        [`notes[i${firstItem.id}]`]: 'Dorte Dirigent blev valgt med akklamation.',
      })
      .loginAs(chair)
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('success', 'Referatet (version 1) er opdateret.')

    const pdf = await asBytes(client.get(`/assemblies/${assembly.id}/minutes/pdf`).loginAs(chair))
    pdf.assertHeader('content-type', 'application/pdf')
    const text = foldSpace(await pdfText(pdf.body() as Buffer))
    assert.include(text, 'Dorte Dirigent blev valgt med akklamation.')
    assert.include(text, 'For: 3')
    for (const organisation of organisations) assert.include(text, organisation.name)

    const signed = await client
      .post(`/assemblies/${assembly.id}/minutes/sign`)
      .form({ role: 'dirigent' })
      .loginAs(chair)
      .withCsrfToken()
      .redirects(0)
    signed.assertFlashMessage('success', 'Underskriften er registreret.')
    await client
      .post(`/assemblies/${assembly.id}/minutes/links`)
      .form({ seen_links: 0 })
      .loginAs(chair)
      .withCsrfToken()
    const linkMail = await catcher.waitFor((m) => recipientsOf(m).includes('referent@example.org'))
    const link = findLink(linkMail, '/referat/')
    const page = await client.get(link.pathname)
    page.assertStatus(200)
    await client.post(link.pathname).withCsrfToken()

    const minutes = await Minutes.query()
      .where('assembly_id', assembly.id)
      .preload('signatures')
      .firstOrFail()
    assert.equal(minutes.status, 'signed')
    assert.isNotNull(minutes.lockedAt)
    assert.sameMembers(
      minutes.signatures.map((signature) => `${signature.role}:${signature.name}`),
      ['dirigent:Dorte Dirigent', 'referent:Rasmus Referent']
    )
    const sent = await catcher.waitFor((m) => /^Referat:/.test(m.subject ?? ''))
    assert.equal(sent.attachments[0].contentType, 'application/pdf')
    await catcher.waitFor(
      () => catcher.messages.filter((m) => /^Referat:/.test(m.subject ?? '')).length >= 3
    )

    // A signed version stays; the correction is the next version, unsigned.
    await client
      .put(`/assemblies/${assembly.id}/minutes`)
      .form({
        dirigent_name: 'Dorte Dirigent',
        dirigent_email: chair.email,
        referent_name: 'Rasmus Referent',
        referent_email: 'referent@example.org',
        statement: 'Rettet.',
      })
      .loginAs(chair)
      .withCsrfToken()
    const versions = await Minutes.query().where('assembly_id', assembly.id).orderBy('version')
    assert.deepEqual(
      versions.map((version) => [version.version, version.status]),
      [
        [1, 'signed'],
        [2, 'draft'],
      ]
    )
    assert.notEqual(versions[0].content.statement, 'Rettet.')
  })
})
