import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ParsedMail } from 'mailparser'
import Assembly from '#assemblies/models/assembly'
import AuditEvent from '#audit/models/audit_event'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { plannedAssembly, statutes, words } from '#tests/functional/assemblies/helpers'

/** Two active members (one with delegates, one without), an applicant and a former member. */
async function members() {
  const alfa = await OrganisationFactory.merge({ name: 'Alfa Forening' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ name: 'Anne Primær', email: 'formand@alfa.example.org' })
    )
    .with('contacts', 1, (contact) =>
      contact.merge({ name: 'Dorte Delegeret', email: 'dorte@alfa.example.org', isDelegate: true })
    )
    .with('contacts', 1, (contact) =>
      contact.merge({
        name: 'Dennis Delegeret',
        email: 'dennis@alfa.example.org',
        isDelegate: true,
      })
    )
    .create()
  const beta = await OrganisationFactory.merge({ name: 'Beta Forening' })
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ name: 'Bo Primær', email: 'bo@beta.example.org' })
    )
    .with('contacts', 1, (contact) =>
      contact
        .apply('billing')
        .merge({ name: 'Bente Bogholder', email: 'bogholderi@beta.example.org' })
    )
    .create()
  const applicant = await OrganisationFactory.merge({ name: 'Ansøger Forening' })
    .apply('applicant')
    .with('contacts', 1, (contact) =>
      contact.apply('primary').merge({ email: 'ansoeger@example.org', isDelegate: true })
    )
    .create()
  const resigned = await OrganisationFactory.merge({ name: 'Udmeldt Forening' })
    .apply('resigned')
    .with('contacts', 1, (contact) => contact.apply('primary').merge({ email: 'ud@example.org' }))
    .create()
  return { alfa, beta, applicant, resigned }
}

/** The To addresses of a message, sorted. */
function addresses(message: ParsedMail) {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : []
  return to.flatMap((address) => address.value.map((entry) => entry.address!)).sort()
}

function pdfOf(message: ParsedMail) {
  const pdfs = message.attachments.filter((file) => file.contentType === 'application/pdf')
  if (pdfs.length !== 1) throw new Error(`expected one PDF, found ${pdfs.length}`)
  return pdfs[0]
}

/** Lets a queued send that should not happen have its chance to arrive. */
function settle(ms = 300) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** What the notice's confirmation page posts for two members and a notice never sent. */
const CONFIRMED = { members: '2', seen_sent_at: '' }

test.group('Assemblies: the notice', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })
  group.each.setup(async () => {
    await statutes({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })
  })

  test('in time: every active member’s delegates (else primary contact) get the notice, PDF and a personal link', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    const { alfa, beta } = await members()
    const assembly = await plannedAssembly(21)

    const response = await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form(CONFIRMED)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/assemblies/${assembly.id}`)
    response.assertFlashMessage('success', 'Indkaldelsen sendes til 2 medlemmer.')

    await catcher.waitFor(() => catcher.messages.length >= 2)
    await settle()
    assert.lengthOf(catcher.messages, 2)
    const toAlfa = catcher.messages.find((message) => recipientsOf(message).includes('alfa'))!
    const toBeta = catcher.messages.find((message) => recipientsOf(message).includes('beta'))!
    assert.exists(toAlfa)
    assert.exists(toBeta)

    // Alfa names delegates: both of them, not the primary contact.
    assert.deepEqual(addresses(toAlfa), ['dennis@alfa.example.org', 'dorte@alfa.example.org'])
    // Beta names none: its primary contact, not its bookkeeper.
    assert.deepEqual(addresses(toBeta), ['bo@beta.example.org'])
    const everyone = catcher.messages.map(recipientsOf).join(', ')
    assert.notInclude(everyone, 'ansoeger@example.org')
    assert.notInclude(everyone, 'ud@example.org')

    const paths = new Set<string>()
    for (const [message, organisation] of [
      [toAlfa, alfa],
      [toBeta, beta],
    ] as const) {
      assert.include(message.subject!, assembly.title)
      assert.include(message.text!, organisation.name)
      assert.include(message.text!, 'Indkomne forslag')
      assert.include(message.text!, 'Foreningshuset, Vesterbrogade 1')
      assert.include(message.text!, 'Forslag skal være bestyrelsen i hænde senest')
      assert.equal(message.replyTo?.value[0].address, 'kontakt@socialtalks.example')

      const pdf = pdfOf(message)
      assert.equal(pdf.filename, 'indkaldelse.pdf')
      const text = words(await pdfText(pdf.content))
      assert.include(text, assembly.title)
      assert.include(text, 'Valg af dirigent, referent og stemmetællere')
      assert.include(text, 'Social Talks')

      const link = findLink(message, '/gf/')
      assert.match(link.pathname, /^\/gf\/[A-Za-z0-9_-]{20,100}$/)
      paths.add(link.pathname)

      // The personal link opens the organisation's own page, no login needed.
      const page = await client.get(link.pathname)
      page.assertStatus(200)
      assert.include(page.text(), organisation.name)
      assert.include(page.text(), assembly.title)
      assert.include(page.text(), 'Meld jer til stede')
    }
    assert.equal(paths.size, 2, 'each member has its own link')

    await assembly.refresh()
    assert.equal(assembly.status, 'notice_sent')
    assert.isNotNull(assembly.noticeSentAt)
    assert.isFalse(assembly.noticeLate)
    const audit = await AuditEvent.findByOrFail('action', 'notice.sent')
    assert.equal(audit.module, 'assemblies')

    const page = await client.get(`/assemblies/${assembly.id}`).loginAs(boardUser)
    assert.include(page.text(), 'indkaldt')
    assert.notInclude(page.text(), 'med for kort varsel')

    // A made-up token, well-formed or not, finds nothing.
    ;(await client.get(`/gf/${'x'.repeat(43)}`)).assertStatus(404)
    ;(await client.get('/gf/kort')).assertStatus(404)
    const made = [...paths][0]
    ;(await client.get(`${made.slice(0, -1)}${made.endsWith('A') ? 'B' : 'A'}`)).assertStatus(404)
  })

  test('too late: refused with a warning until the board confirms; then sent and marked late', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    await members()
    const assembly = await plannedAssembly(5)

    const refused = await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form(CONFIRMED)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage(
      'warning',
      'Der er kun 5 dage til generalforsamlingen; vedtægterne kræver 14 dage. Sæt kryds for at bekræfte og send igen.'
    )
    refused.assertHeader('location', `/assemblies/${assembly.id}/notice`)
    await settle()
    assert.lengthOf(catcher.messages, 0)
    await assembly.refresh()
    assert.equal(assembly.status, 'planned')
    assert.isNull(assembly.noticeSentAt)
    assert.isNull(await AuditEvent.findBy('action', 'notice.sent_late'))

    const confirmed = await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form({ ...CONFIRMED, confirm_late: '1' })
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    confirmed.assertFlashMessage(
      'success',
      'Indkaldelsen sendes til 2 medlemmer, med for kort varsel.'
    )
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await settle()
    assert.lengthOf(catcher.messages, 2)

    const stored = await Assembly.findOrFail(assembly.id)
    assert.equal(stored.status, 'notice_sent')
    assert.isTrue(stored.noticeLate)
    assert.exists(await AuditEvent.findBy('action', 'notice.sent_late'))

    const page = await client.get(`/assemblies/${assembly.id}`).loginAs(boardUser)
    page.assertStatus(200)
    assert.include(page.text(), 'med for kort varsel')
  })

  test('in time the confirmation is not needed and the notice is not marked late', async ({
    client,
    assert,
  }) => {
    const boardUser = await UserFactory.apply('board').create()
    await members()
    // Exactly the 14 days the statutes ask for is in time.
    const assembly = await plannedAssembly(14)
    const response = await client
      .post(`/assemblies/${assembly.id}/notice`)
      .form(CONFIRMED)
      .loginAs(boardUser)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Indkaldelsen sendes til 2 medlemmer.')
    await catcher.waitFor(() => catcher.messages.length >= 2)
    await assembly.refresh()
    assert.isFalse(assembly.noticeLate)
  })
})
